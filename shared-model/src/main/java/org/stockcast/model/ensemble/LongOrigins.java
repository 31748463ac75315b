package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * The long origins' say in the weights of the buckets the LSTM was scored in
 * ({@link EnsembleCalibration.WeightPrior#EQUAL_LONG_GRID}). Those buckets' points come from the short origins only
 * (the long ones lack the LSTM), all in the last quarter before the cutoff, where a level model does as well as one
 * with a yearly season; the long origins forecast from other seasons and reach the same days ahead. Their relative
 * loss at a grid point is that of its refitted members' blend, the LSTM's share spread over them pro rata; at the
 * LSTM alone, on which they say nothing, their least over the grid, so they never decide the LSTM's share alone.
 */
final class LongOrigins {
    private final Map<HorizonBucket, BucketPoints> pool = new EnumMap<>(HorizonBucket.class);

    /** The kind's pooled long-origin points per bucket. */
    LongOrigins(List<SeriesBacktest> group) {
        for (HorizonBucket bucket : HorizonBucket.values()) {
            points(bucket, group).ifPresent(p -> pool.put(bucket, p));
        }
    }

    /**
     * The own and the pooled long origins' relative loss at every point of {@code grid} (weights over
     * {@code members}); zeros where the bucket has no LSTM (its points hold the long origins already) or no long
     * origin reaches it.
     */
    double[] term(HorizonBucket bucket, List<Member> members, List<double[]> grid, SeriesBacktest backtest) {
        double[] sum = new double[grid.size()];
        if (!members.contains(Member.LSTM)) {
            return sum;
        }
        points(bucket, List.of(backtest)).ifPresent(own -> {
            add(sum, relative(members, grid, own));
            if (pool.containsKey(bucket)) {
                add(sum, relative(members, grid, pool.get(bucket)));
            }
        });
        return sum;
    }

    static double[] relative(List<Member> members, List<double[]> grid, BucketPoints longPoints) {
        double scale = WeightLearner.bestSingle(longPoints);
        double[] out = new double[grid.size()];
        List<Integer> unjudged = new ArrayList<>();
        double least = Double.POSITIVE_INFINITY;
        for (int g = 0; g < grid.size(); g++) {
            double[] w = new double[longPoints.members().size()];
            double total = 0;
            for (int k = 0; k < w.length; k++) {
                int m = members.indexOf(longPoints.members().get(k));
                w[k] = m < 0 ? 0 : grid.get(g)[m];
                total += w[k];
            }
            if (total <= 1e-12) {
                unjudged.add(g);
                continue;
            }
            for (int k = 0; k < w.length; k++) {
                w[k] /= total;
            }
            out[g] = longPoints.loss(w) / scale;
            least = Math.min(least, out[g]);
        }
        for (int g : unjudged) {
            out[g] = least == Double.POSITIVE_INFINITY ? 0 : least;
        }
        return out;
    }

    private static void add(double[] sum, double[] values) {
        for (int g = 0; g < sum.length; g++) {
            sum[g] += values[g];
        }
    }

    /** The bucket's points from the origins without an LSTM forecast (the long ones), when there are any. */
    private static Optional<BucketPoints> points(HorizonBucket bucket, List<SeriesBacktest> backtests) {
        List<SeriesBacktest> longOnly = new ArrayList<>();
        for (SeriesBacktest b : backtests) {
            List<OriginForecasts> origins = b.origins().stream()
                    .filter(o -> !o.forecasts().containsKey(Member.LSTM)).toList();
            if (!origins.isEmpty()) {
                longOnly.add(new SeriesBacktest(b.key(), origins, b.loss(), b.values()));
            }
        }
        BucketPoints points = BucketPoints.of(bucket, longOnly);
        return points.size() > 0 && !points.members().isEmpty() ? Optional.of(points) : Optional.empty();
    }
}
