package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * Learns the horizon weights from backtests: per bucket, the non-negative weights summing to 1 (on a grid of
 * 1/20, 1/10 with four or more members) that minimise the blend's mean scaled error ({@link WeightLoss}: absolute,
 * squared for intermittent series). A single member
 * is a corner of that grid, so the blend is never worse than the best member on the backtest, and a member that
 * hurts gets weight 0. The coarse grid is deliberate: weights finer than the backtest's noise would only fit it.
 */
final class WeightLearner {
    private WeightLearner() {
    }

    /** Grid weights from the backtests' own points alone (one series, or a kind's pool). */
    static HorizonWeights learn(List<SeriesBacktest> backtests) {
        return learn(backtests, EnsembleCalibration.WeightMethod.GRID);
    }

    static HorizonWeights learn(List<SeriesBacktest> backtests, EnsembleCalibration.WeightMethod method) {
        Map<HorizonBucket, Map<Member, Double>> buckets = new EnumMap<>(HorizonBucket.class);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            BucketPoints points = BucketPoints.of(bucket, backtests);
            if (points.size() > 0 && !points.members().isEmpty()) {
                buckets.put(bucket, switch (method) {
                    case GRID -> best(points);
                    case CONFIDENCE_SET -> confidenceSet(points);
                });
            }
        }
        fillGaps(buckets);
        return new HorizonWeights(buckets);
    }

    /**
     * A bucket without backtest points inherits the nearest shorter bucket's weights, the LSTM's share given to the
     * others (it was not validated that far); with nothing to inherit, the additive model alone.
     */
    static void fillGaps(Map<HorizonBucket, Map<Member, Double>> buckets) {
        Map<Member, Double> previous = null;
        for (HorizonBucket bucket : HorizonBucket.values()) {
            if (buckets.containsKey(bucket)) {
                previous = buckets.get(bucket);
            } else {
                buckets.put(bucket, previous == null ? Map.of(Member.ADDITIVE, 1.0) : withoutLstm(previous));
            }
        }
    }

    static Map<Member, Double> withoutLstm(Map<Member, Double> weights) {
        Map<Member, Double> out = new EnumMap<>(Member.class);
        double rest = 0;
        for (Map.Entry<Member, Double> e : weights.entrySet()) {
            if (e.getKey() != Member.LSTM) {
                rest += e.getValue();
            }
        }
        if (rest <= 0) {
            return Map.of(Member.ADDITIVE, 1.0);
        }
        for (Map.Entry<Member, Double> e : weights.entrySet()) {
            if (e.getKey() != Member.LSTM && e.getValue() > 0) {
                out.put(e.getKey(), e.getValue() / rest);
            }
        }
        return out;
    }

    static Map<Member, Double> best(BucketPoints points) {
        List<double[]> grid = grid(points.members().size());
        return pick(points, grid, losses(points, grid));
    }

    /**
     * Equal weights over the members not significantly worse than the best one: a member stays when its mean scaled
     * loss exceeds the best member's by less than two standard errors, the origins taken as blocks (the days of one
     * origin share its errors). A model confidence set (Hansen, Lunde and Nason 2011) in its simplest form, and
     * equal weights over it, because weights optimised on a few weeks of backtest generalise worse than the plain
     * mean of the good members (the forecast-combination puzzle). With fewer than two origins nothing can be told
     * apart, and the best member serves alone.
     */
    static Map<Member, Double> confidenceSet(BucketPoints points) {
        int m = points.members().size();
        double[][] loss = new double[m][points.size()];
        double[] mean = new double[m];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < points.size(); i++) {
                loss[k][i] = points.memberLoss(k, i);
                mean[k] += loss[k][i] / points.size();
            }
        }
        int best = 0;
        for (int k = 1; k < m; k++) {
            if (mean[k] < mean[best]) {
                best = k;
            }
        }
        Map<Integer, Integer> blockOf = new LinkedHashMap<>();
        for (int origin : points.origin()) {
            blockOf.putIfAbsent(origin, blockOf.size());
        }
        int blocks = blockOf.size();
        List<Member> kept = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            if (k == best || blocks >= 2 && notWorse(loss[k], loss[best], points.origin(), blockOf, blocks)) {
                kept.add(points.members().get(k));
            }
        }
        Map<Member, Double> out = new LinkedHashMap<>();
        kept.forEach(member -> out.put(member, 1.0 / kept.size()));
        return out;
    }

    /** As below, the origins taken as blocks; with fewer than two origins nothing is told apart (true). */
    static boolean notWorse(double[] a, double[] b, int[] origin) {
        Map<Integer, Integer> blockOf = new LinkedHashMap<>();
        for (int o : origin) {
            blockOf.putIfAbsent(o, blockOf.size());
        }
        return blockOf.size() < 2 || notWorse(a, b, origin, blockOf, blockOf.size());
    }

    /** Whether the mean of the per-origin mean differences {@code a - b} is under two standard errors. */
    private static boolean notWorse(double[] a, double[] b, int[] origin, Map<Integer, Integer> blockOf, int blocks) {
        double[] sum = new double[blocks];
        int[] count = new int[blocks];
        for (int i = 0; i < a.length; i++) {
            int block = blockOf.get(origin[i]);
            sum[block] += a[i] - b[i];
            count[block]++;
        }
        double mean = 0;
        for (int j = 0; j < blocks; j++) {
            sum[j] /= count[j];
            mean += sum[j] / blocks;
        }
        double variance = 0;
        for (int j = 0; j < blocks; j++) {
            variance += (sum[j] - mean) * (sum[j] - mean) / (blocks - 1);
        }
        return mean <= 2 * Math.sqrt(variance / blocks);
    }

    /** The grid point with the least loss (ties: first). */
    private static Map<Member, Double> pick(BucketPoints points, List<double[]> grid, double[] losses) {
        int best = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int g = 0; g < grid.size(); g++) {
            double loss = losses[g];
            if (loss < bestLoss - 1e-12) {
                bestLoss = loss;
                best = g;
            }
        }
        Map<Member, Double> out = new LinkedHashMap<>();
        double[] w = grid.get(best);
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                out.put(points.members().get(i), w[i]);
            }
        }
        return out;
    }

    private static double[] losses(BucketPoints points, List<double[]> grid) {
        double[] losses = new double[grid.size()];
        for (int g = 0; g < grid.size(); g++) {
            losses[g] = points.loss(grid.get(g));
        }
        return losses;
    }

    static double bestSingle(BucketPoints points) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.members().size(); i++) {
            double[] w = new double[points.members().size()];
            w[i] = 1;
            best = Math.min(best, points.loss(w));
        }
        return best > 0 ? best : 1;
    }

    /**
     * Every composition of {@code steps} into {@code m} non-negative parts as weights, in a fixed order: steps of
     * 1/20 for up to three members, 1/10 for more (the grid grows as steps^(m-1)).
     */
    static List<double[]> grid(int m) {
        List<double[]> grid = new ArrayList<>();
        if (m == 0) {
            return grid;
        }
        int steps = m <= 3 ? 20 : 10;
        compositions(new int[m], 0, steps, steps, grid);
        return grid;
    }

    private static void compositions(int[] counts, int index, int left, int steps, List<double[]> grid) {
        if (index == counts.length - 1) {
            counts[index] = left;
            double[] w = new double[counts.length];
            for (int i = 0; i < counts.length; i++) {
                w[i] = counts[i] / (double) steps;
            }
            grid.add(w);
            return;
        }
        for (int c = 0; c <= left; c++) {
            counts[index] = c;
            compositions(counts, index + 1, left - c, steps, grid);
        }
    }
}
