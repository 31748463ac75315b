package org.stockcast.model.ensemble;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * Learns the horizon weights from backtests: per bucket, the non-negative weights summing to 1 (on a grid of
 * 1/20, 1/10 with four or more members) that minimise the mean absolute scaled error of the blend. A single member
 * is a corner of that grid, so the blend is never worse than the best member on the backtest, and a member that
 * hurts gets weight 0. The coarse grid is deliberate: weights finer than the backtest's noise would only fit it.
 */
final class WeightLearner {
    private WeightLearner() {
    }

    static HorizonWeights learn(List<SeriesBacktest> backtests) {
        return learn(backtests, List.of());
    }

    /**
     * With a non-empty {@code pool} (the backtests of the series' kind), each bucket minimises the sum of the two
     * relative losses, MASE on the series / its best member's + MASE on the pool / the pool's best member's: the
     * series' own evidence shrunk towards its kind's, so a few weeks of one series cannot swing the weights alone.
     */
    static HorizonWeights learn(List<SeriesBacktest> backtests, List<SeriesBacktest> pool) {
        Map<HorizonBucket, Map<Member, Double>> buckets = new EnumMap<>(HorizonBucket.class);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            BucketPoints points = BucketPoints.of(bucket, backtests);
            if (points.size() > 0 && !points.members().isEmpty()) {
                BucketPoints pooled = pool.isEmpty() ? null : BucketPoints.of(bucket, pool);
                buckets.put(bucket, best(points, pooled != null && pooled.size() > 0
                        && pooled.members().equals(points.members()) ? pooled : null));
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
        return best(points, null);
    }

    private static double bestSingle(BucketPoints points) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.members().size(); i++) {
            double[] w = new double[points.members().size()];
            w[i] = 1;
            best = Math.min(best, points.mase(w));
        }
        return best > 0 ? best : 1;
    }

    static Map<Member, Double> best(BucketPoints points, BucketPoints pool) {
        int m = points.members().size();
        double ownScale = bestSingle(points);
        double poolScale = pool == null ? 1 : bestSingle(pool);
        int steps = m <= 3 ? 20 : 10;
        double[] bestWeights = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int[] counts = new int[m];
        // every composition of `steps` into m non-negative parts, in a fixed order (ties keep the first found)
        while (true) {
            int used = 0;
            for (int i = 0; i < m - 1; i++) {
                used += counts[i];
            }
            if (used <= steps) {
                counts[m - 1] = steps - used;
                double[] w = new double[m];
                for (int i = 0; i < m; i++) {
                    w[i] = counts[i] / (double) steps;
                }
                double loss = points.mase(w) / ownScale + (pool == null ? 0 : pool.mase(w) / poolScale);
                if (loss < bestLoss - 1e-12) {
                    bestLoss = loss;
                    bestWeights = w;
                }
            }
            int i = 0;
            while (i < m - 1) {
                counts[i]++;
                int sum = 0;
                for (int j = 0; j <= i; j++) {
                    sum += counts[j];
                }
                if (sum <= steps) {
                    break;
                }
                counts[i] = 0;
                i++;
            }
            if (i >= m - 1) {
                break;
            }
        }
        Map<Member, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            if (bestWeights[i] > 0) {
                out.put(points.members().get(i), bestWeights[i]);
            }
        }
        return out;
    }
}
