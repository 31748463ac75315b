package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * Weights of every backtested series of one kind ({@link EnsembleCalibration.WeightSource#SHRUNK}): per horizon
 * bucket, the grid point that minimises the series' own loss plus its kind pool's, each over its own best single
 * member's loss so that neither dominates by scale; then, by {@link EnsembleCalibration.WeightPrior}, pulled towards
 * the weights of every bucket together or towards equal weights, because 13 weekly origins say little about any one
 * bucket's weights.
 */
final class ShrunkWeights {
    /** A bucket's grid losses over the best single member's, and the number of origins they come from. */
    private record Losses(BucketPoints points, List<double[]> grid, double[] relative, int origins) {
        static Losses of(BucketPoints points, List<double[]> grid) {
            double[] relative = new double[grid.size()];
            double scale = WeightLearner.bestSingle(points);
            for (int g = 0; g < grid.size(); g++) {
                relative[g] = points.loss(grid.get(g)) / scale;
            }
            Set<Integer> origins = new HashSet<>();
            for (int o : points.origin()) {
                origins.add(o);
            }
            return new Losses(points, grid, relative, origins.size());
        }
    }

    private ShrunkWeights() {
    }

    static Map<String, HorizonWeights> learn(List<SeriesBacktest> group, EnsembleCalibration.WeightPrior prior) {
        Map<HorizonBucket, Losses> pool = new EnumMap<>(HorizonBucket.class);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            BucketPoints pooled = BucketPoints.of(bucket, group);
            if (pooled.size() > 0 && !pooled.members().isEmpty()) {
                pool.put(bucket, Losses.of(pooled, WeightLearner.grid(pooled.members().size())));
            }
        }
        Map<String, HorizonWeights> weights = new LinkedHashMap<>();
        for (SeriesBacktest backtest : group) {
            Map<HorizonBucket, Losses> own = new EnumMap<>(HorizonBucket.class);
            for (HorizonBucket bucket : HorizonBucket.values()) {
                BucketPoints points = BucketPoints.of(bucket, List.of(backtest));
                if (points.size() > 0 && !points.members().isEmpty()) {
                    Losses kind = pool.get(bucket);
                    own.put(bucket, Losses.of(points, kind != null && kind.points().members().equals(points.members())
                            ? kind.grid() : WeightLearner.grid(points.members().size())));
                }
            }
            boolean intermittent = intermittent(backtest, prior);
            Map<HorizonBucket, Map<Member, Double>> buckets = new EnumMap<>(HorizonBucket.class);
            own.forEach((bucket, losses) -> buckets.put(bucket, towardsEqual(
                    losses.grid().get(argmin(objective(bucket, own, pool, prior))), losses, prior, intermittent)));
            WeightLearner.fillGaps(buckets);
            weights.put(backtest.key(), new HorizonWeights(buckets));
        }
        return weights;
    }

    /**
     * Own plus pool relative loss at every grid point; with {@link EnsembleCalibration.WeightPrior#HORIZONS} plus
     * the same over every bucket scored on the same members, each bucket counted by its origins: a bucket's weights
     * then move away from the all-horizon ones only as far as its own evidence carries them.
     */
    private static double[] objective(HorizonBucket bucket, Map<HorizonBucket, Losses> own,
                                      Map<HorizonBucket, Losses> pool, EnsembleCalibration.WeightPrior prior) {
        List<Map<HorizonBucket, Losses>> sources = new ArrayList<>(List.of(own));
        if (pool.containsKey(bucket) && pool.get(bucket).points().members().equals(own.get(bucket).points().members())) {
            sources.add(pool);
        }
        double[] sum = new double[own.get(bucket).grid().size()];
        for (Map<HorizonBucket, Losses> source : sources) {
            add(sum, source.get(bucket).relative(), 1);
            if (prior == EnsembleCalibration.WeightPrior.HORIZONS) {
                add(sum, acrossBuckets(source, source.get(bucket).points().members()), 1);
            }
        }
        return sum;
    }

    /** Origin-weighted mean relative loss of the buckets scored on exactly {@code members}. */
    private static double[] acrossBuckets(Map<HorizonBucket, Losses> source, List<Member> members) {
        double[] sum = null;
        int origins = 0;
        for (Losses losses : source.values()) {
            if (losses.points().members().equals(members)) {
                sum = sum == null ? new double[losses.relative().length] : sum;
                add(sum, losses.relative(), losses.origins());
                origins += losses.origins();
            }
        }
        for (int g = 0; g < sum.length; g++) {
            sum[g] /= origins;
        }
        return sum;
    }

    private static void add(double[] sum, double[] values, double factor) {
        for (int g = 0; g < sum.length; g++) {
            sum[g] += factor * values[g];
        }
    }

    /** The first grid point with the least objective (ties: first, as in {@link WeightLearner}). */
    private static int argmin(double[] objective) {
        int best = 0;
        for (int g = 1; g < objective.length; g++) {
            if (objective[g] < objective[best] - 1e-12) {
                best = g;
            }
        }
        return best;
    }

    /**
     * The grid weights mixed with equal weights over the members that are not significantly worse than the best
     * one ({@link WeightLearner#confidenceSet}), seasonal-naive left out unless it is the only one: a share
     * {@code alpha} of equal weights, by the prior's rule; on an {@code intermittent} series under
     * {@link EnsembleCalibration.WeightPrior#SBA_HALF}, SBA alone in their place. A member the backtest shows to be
     * useless stays at 0 (bar SBA there).
     */
    private static Map<Member, Double> towardsEqual(double[] grid, Losses losses,
                                                    EnsembleCalibration.WeightPrior prior, boolean intermittent) {
        BucketPoints points = losses.points();
        List<Member> members = points.members();
        double[] equal = new double[members.size()];
        if (prior.towardsEqual()) {
            boolean towardsSba = intermittent && members.contains(Member.INTERMITTENT);
            Set<Member> kept = towardsSba ? new HashSet<>(Set.of(Member.INTERMITTENT))
                    : new HashSet<>(WeightLearner.confidenceSet(points).keySet());
            if (kept.size() > 1) {
                kept.remove(Member.SEASONAL_NAIVE);
            }
            for (int m = 0; m < members.size(); m++) {
                equal[m] = kept.contains(members.get(m)) ? 1.0 / kept.size() : 0;
            }
        }
        double alpha = switch (prior) {
            case NONE, HORIZONS -> 0;
            case EQUAL_HALF, SBA_HALF -> 0.5;
            case EQUAL_STOCK_WATSON -> stockWatson(members.size(), losses.origins());
            case EQUAL_UNLESS_WORSE -> significantlyWorse(points, equal, grid) ? 0 : 1;
        };
        Map<Member, Double> out = new LinkedHashMap<>();
        for (int m = 0; m < members.size(); m++) {
            double w = (1 - alpha) * grid[m] + alpha * equal[m];
            if (w > 0) {
                out.put(members.get(m), w);
            }
        }
        return out;
    }

    /**
     * Whether the prior treats the series as intermittent: a class-conditional prior and a Syntetos-Boylan class of
     * intermittent or lumpy over the last year of the history before the cutoff (as {@link ForecastDemand} judges
     * it). SBA is the method made for those classes; the inner backtest's 13 weekly origins cannot single it out.
     */
    static boolean intermittent(SeriesBacktest backtest, EnsembleCalibration.WeightPrior prior) {
        if (prior != EnsembleCalibration.WeightPrior.SBA_HALF || backtest.values().length == 0) {
            return false;
        }
        return ForecastDemand.intermittentNow(backtest.values());
    }

    /**
     * {@code weights} taken half-way to SBA alone in every bucket, as {@link #towardsEqual} does for an intermittent
     * series under {@link EnsembleCalibration.WeightPrior#SBA_HALF} (whose backtest holds SBA forecasts): the blend
     * such a series serves, so that its bands are sized on that blend's errors ({@link BandRescale}).
     */
    static HorizonWeights halfWayToSba(HorizonWeights weights) {
        Map<HorizonBucket, Map<Member, Double>> out = new EnumMap<>(HorizonBucket.class);
        weights.buckets().forEach((bucket, w) -> {
            Map<Member, Double> mixed = new EnumMap<>(Member.class);
            w.forEach((member, share) -> mixed.put(member, share / 2));
            mixed.merge(Member.INTERMITTENT, 0.5, Double::sum);
            out.put(bucket, mixed);
        });
        return new HorizonWeights(out);
    }

    /** Whether the backtest forecast with SBA: only then can the served weights go towards it. */
    static boolean hasSba(SeriesBacktest backtest) {
        return backtest.origins().stream().anyMatch(o -> o.forecasts().containsKey(Member.INTERMITTENT));
    }

    /**
     * Stock and Watson's (2004) shrinkage with kappa 1: the estimated weights keep a share 1 - M / (T - M) of M
     * members over T origins, none with T <= 2M.
     */
    static double stockWatson(int members, int origins) {
        return origins > 2 * members ? members / (double) (origins - members) : 1;
    }

    /** Whether the blend {@code a} loses to {@code b} on the backtest by more than two standard errors. */
    private static boolean significantlyWorse(BucketPoints points, double[] a, double[] b) {
        double[] lossA = new double[points.size()];
        double[] lossB = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            lossA[i] = points.loss()[i].of(points.actual()[i] - points.blend(a, i), points.scale()[i]);
            lossB[i] = points.loss()[i].of(points.actual()[i] - points.blend(b, i), points.scale()[i]);
        }
        return !WeightLearner.notWorse(lossA, lossB, points.origin());
    }
}
