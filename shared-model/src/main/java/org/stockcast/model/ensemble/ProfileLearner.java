package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * Weights, split-conformal interval bands and error paths from backtests. The bands are empirical quantiles of the
 * blend's out-of-sample scaled errors (actual - forecast) / scale per horizon bucket, at ranks with the usual
 * finite-sample correction ceil((n + 1) p), at the nominal level or the {@link OriginLevel} one; errors are
 * asymmetric for demand, so each side has its own quantile.
 */
final class ProfileLearner {
    /** Error paths kept per profile: enough for the policy's quantiles, small in ensemble.json. */
    static final int MAX_PATHS = 200;
    /** Folds of the cross-fitted band errors: the weights each fold's errors use are learned on 4/5 of the origins. */
    static final int FOLDS = 5;

    private ProfileLearner() {
    }

    /** {@code fixed}: weights to use instead of learning them (the fixed weighting mode). */
    static Optional<SeriesProfile> learn(List<SeriesBacktest> backtests, double width,
                                         Optional<HorizonWeights> fixed) {
        return learn(backtests, width, fixed, EnsembleCalibration.WeightMethod.GRID);
    }

    static Optional<SeriesProfile> learn(List<SeriesBacktest> backtests, double width,
                                         Optional<HorizonWeights> fixed, EnsembleCalibration.WeightMethod method) {
        return learn(backtests, width, fixed, method, EnsembleCalibration.DEFAULT_BAND_ERRORS);
    }

    static Optional<SeriesProfile> learn(List<SeriesBacktest> backtests, double width,
                                         Optional<HorizonWeights> fixed, EnsembleCalibration.WeightMethod method,
                                         EnsembleCalibration.BandErrors bandErrors) {
        return learn(backtests, width, fixed, method, bandErrors, EnsembleCalibration.DEFAULT_BAND_RULE.scaleDays(),
                EnsembleCalibration.DEFAULT_BAND_RULE.level());
    }

    /**
     * {@code scaleDays}: the {@link BandScale} window the errors are scaled by (0 = whole history); {@code level}:
     * the quantile level of each bucket's band, the nominal width or the {@link OriginLevel} one.
     */
    static Optional<SeriesProfile> learn(List<SeriesBacktest> backtests, double width,
                                         Optional<HorizonWeights> fixed, EnsembleCalibration.WeightMethod method,
                                         EnsembleCalibration.BandErrors bandErrors, int scaleDays,
                                         EnsembleCalibration.BandLevel level) {
        if (backtests.stream().allMatch(b -> b.origins().isEmpty())) {
            return Optional.empty();
        }
        HorizonWeights weights = fixed.orElseGet(() -> WeightLearner.learn(backtests, method));
        boolean crossFit = fixed.isEmpty() && bandErrors == EnsembleCalibration.BandErrors.CROSS_FITTED;
        List<List<SeriesBacktest>> held = new ArrayList<>();
        List<HorizonWeights> heldWeights = new ArrayList<>();
        for (int k = 0; crossFit && k < FOLDS; k++) {
            held.add(fold(backtests, k, true));
            heldWeights.add(WeightLearner.learn(fold(backtests, k, false), method));
        }
        Map<HorizonBucket, Band> bands = new EnumMap<>(HorizonBucket.class);
        Band previous = null;
        HorizonBucket previousBucket = null;
        for (HorizonBucket bucket : HorizonBucket.values()) {
            List<double[]> byOrigin = crossFit ? crossFittedByOrigin(held, heldWeights, bucket, scaleDays)
                    : originErrors(backtests, bucket, weights, scaleDays);
            double[] errors = byOrigin.stream().flatMapToDouble(Arrays::stream).toArray();
            if (errors.length > 0) {
                previous = band(errors, level == EnsembleCalibration.BandLevel.ORIGIN
                        ? OriginLevel.of(byOrigin, width) : width);
                previousBucket = bucket;
                bands.put(bucket, previous);
            } else if (previous != null) {
                bands.put(bucket, widened(previous, previousBucket, bucket));
            }
        }
        if (previous == null) {
            return Optional.empty();
        }
        return Optional.of(new SeriesProfile(weights, bands, errorPaths(backtests, weights, scaleDays)));
    }

    /**
     * Fold {@code k} of {@value #FOLDS} (every {@value #FOLDS}th origin of each backtest, from its k-th) when
     * {@code held}, else the other origins: bands from errors of weights learned without the origin are honest,
     * where errors of the weights chosen on the same origins understate fresh ones.
     */
    static List<SeriesBacktest> fold(List<SeriesBacktest> backtests, int k, boolean held) {
        List<SeriesBacktest> out = new ArrayList<>();
        for (SeriesBacktest b : backtests) {
            List<OriginForecasts> origins = new ArrayList<>();
            for (int i = 0; i < b.origins().size(); i++) {
                if ((i % FOLDS == k) == held) {
                    origins.add(b.origins().get(i));
                }
            }
            out.add(new SeriesBacktest(b.key(), origins, b.loss(), b.values()));
        }
        return out;
    }

    /** Each held-out fold's blend errors under the weights learned on the other folds. */
    static double[] crossFitted(List<List<SeriesBacktest>> held, List<HorizonWeights> weights,
                                HorizonBucket bucket, int scaleDays) {
        return crossFittedByOrigin(held, weights, bucket, scaleDays).stream().flatMapToDouble(Arrays::stream)
                .toArray();
    }

    /** As {@link #crossFitted}, one array per origin. */
    static List<double[]> crossFittedByOrigin(List<List<SeriesBacktest>> held, List<HorizonWeights> weights,
                                              HorizonBucket bucket, int scaleDays) {
        List<double[]> parts = new ArrayList<>();
        for (int k = 0; k < held.size(); k++) {
            parts.addAll(originErrors(held.get(k), bucket, weights.get(k), scaleDays));
        }
        return parts;
    }

    /**
     * A bucket the backtest could not reach (series too short for long origins) takes the last reached bucket's
     * band, widened by the square root of the ratio of the buckets' middle horizons, as errors that accumulate
     * like a random walk would: an extrapolation, said so in the docs.
     */
    static Band widened(Band band, HorizonBucket from, HorizonBucket to) {
        double factor = Math.sqrt((to.first() + to.last()) / (double) (from.first() + from.last()));
        return new Band(band.lower() * factor, band.upper() * factor);
    }

    static double[] scaledErrors(List<SeriesBacktest> backtests, HorizonBucket bucket, HorizonWeights weights,
                                 int scaleDays) {
        return originErrors(backtests, bucket, weights, scaleDays).stream().flatMapToDouble(Arrays::stream)
                .toArray();
    }

    /** The blend's scaled errors in the bucket, one array per origin that has a scale (possibly empty). */
    static List<double[]> originErrors(List<SeriesBacktest> backtests, HorizonBucket bucket, HorizonWeights weights,
                                       int scaleDays) {
        List<double[]> out = new ArrayList<>();
        for (SeriesBacktest backtest : backtests) {
            for (OriginForecasts o : backtest.origins()) {
                double scale = backtest.bandScale(o, scaleDays);
                if (!(scale > 0)) {
                    continue;
                }
                int from = bucket.first() - 1;
                int to = Math.min(bucket.last(), o.actual().length);
                List<Double> errors = new ArrayList<>();
                for (int d = from; d < to; d++) {
                    if (!Double.isNaN(o.actual()[d])) {
                        errors.add((o.actual()[d] - blend(o, weights, d)) / scale);
                    }
                }
                out.add(errors.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return out;
    }

    /** The served blend at one backtest day: weights of members the origin lacks are shared among the others. */
    static double blend(OriginForecasts o, HorizonWeights weights, int day) {
        double sum = 0;
        double total = 0;
        for (Map.Entry<Member, double[]> e : o.forecasts().entrySet()) {
            double w = weights.weight(e.getKey(), day);
            sum += w * e.getValue()[day];
            total += w;
        }
        if (total > 0) {
            return sum / total;
        }
        double[] additive = o.forecasts().get(Member.ADDITIVE);
        return additive != null ? additive[day] : o.forecasts().values().iterator().next()[day];
    }

    static Band band(double[] errors, double width) {
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        return bandOfSorted(sorted, width);
    }

    static Band bandOfSorted(double[] sorted, double width) {
        double alpha = 1 - width;
        return new Band(Math.min(0, lowerQuantile(sorted, alpha / 2)), Math.max(0, upperQuantile(sorted, 1 - alpha / 2)));
    }

    /** The ceil((n + 1) p)-th smallest error (the largest when that rank is beyond n). */
    static double upperQuantile(double[] sorted, double p) {
        int n = sorted.length;
        int rank = (int) Math.ceil((n + 1) * p);
        return sorted[Math.min(n, Math.max(1, rank)) - 1];
    }

    /** Mirror of {@link #upperQuantile}: the floor((n + 1) p)-th smallest (the smallest when that rank is 0). */
    static double lowerQuantile(double[] sorted, double p) {
        int n = sorted.length;
        int rank = (int) Math.floor((n + 1) * p);
        return sorted[Math.min(n, Math.max(1, rank)) - 1];
    }

    /** The blend's scaled error path of each origin (newest last), at most {@link #MAX_PATHS}. */
    static List<double[]> errorPaths(List<SeriesBacktest> backtests, HorizonWeights weights, int scaleDays) {
        List<double[]> paths = new ArrayList<>();
        for (SeriesBacktest backtest : backtests) {
            for (OriginForecasts o : backtest.origins()) {
                double scale = backtest.bandScale(o, scaleDays);
                if (!(scale > 0)) {
                    continue;
                }
                double[] path = new double[o.actual().length];
                for (int d = 0; d < path.length; d++) {
                    path[d] = (o.actual()[d] - blend(o, weights, d)) / scale;
                }
                paths.add(path);
            }
        }
        return paths.size() <= MAX_PATHS ? paths : paths.subList(paths.size() - MAX_PATHS, paths.size());
    }
}
