package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * A kind's pooled bands fitted to one series of the kind: scaled by how much wider than the kind's errors the
 * series' own cross-fitted errors are, shrunk towards 1 (the pool) by how few origins the series has.
 * Its own bands alone are too noisy (a quarter's origins, correlated within each), the pool's ignore that some
 * series are harder than others; one factor over all buckets uses every own error for one number.
 */
final class BandRescale {
    /** Bounds a factor when errors fall on a side the pool's band does not reach (a zero side). */
    static final double MAX_FACTOR = 4;

    private BandRescale() {
    }

    /** The weights each fold's held-out errors are blended with: learned on the other folds of the pool. */
    static List<HorizonWeights> foldWeights(List<SeriesBacktest> pool, EnsembleCalibration.WeightMethod method) {
        List<HorizonWeights> weights = new ArrayList<>();
        for (int k = 0; k < ProfileLearner.FOLDS; k++) {
            weights.add(WeightLearner.learn(ProfileLearner.fold(pool, k, false), method));
        }
        return weights;
    }

    static List<HorizonWeights> sameWeights(HorizonWeights weights) {
        return Collections.nCopies(ProfileLearner.FOLDS, weights);
    }

    /**
     * One kind's pool, ready to rescale its series' bands: the pool's ratio quantile does not depend on the
     * series, so it is computed once per kind, not once per series (a kind of many products made it quadratic).
     *
     * @param priorOrigins how many own origins weigh as much as the pool: the factor is own^(m / (m + prior))
     *                     for a series of m origins
     */
    record Pool(Map<HorizonBucket, Band> bands, List<HorizonWeights> foldWeights, double width, int scaleDays,
                double priorOrigins, double quantile) {
        static Pool of(Map<HorizonBucket, Band> pooled, List<SeriesBacktest> pool, List<HorizonWeights> foldWeights,
                       double width, int scaleDays, double priorOrigins) {
            return new Pool(pooled, foldWeights, width, scaleDays, priorOrigins,
                    ratioQuantile(pooled, pool, foldWeights, width, scaleDays));
        }

        Map<HorizonBucket, Band> rescaled(SeriesBacktest own) {
            return rescaled(own, foldWeights);
        }

        /**
         * Rescaled for a series that serves another blend than the pool's: its own errors are those of
         * {@code ownFoldWeights} (one per fold), the pool's quantile stays the pool's.
         */
        Map<HorizonBucket, Band> rescaled(SeriesBacktest own, List<HorizonWeights> ownFoldWeights) {
            double factor = factor(own, ownFoldWeights);
            Map<HorizonBucket, Band> out = new EnumMap<>(HorizonBucket.class);
            bands.forEach((bucket, band) -> out.put(bucket, new Band(band.lower() * factor, band.upper() * factor)));
            return out;
        }

        /**
         * own^(m / (m + prior)), own = the nominal quantile of the factors the series' errors need over the same
         * quantile of the pool's (the series' difficulty relative to its kind, whatever level the pool's bands are
         * at).
         */
        double factor(SeriesBacktest own) {
            return factor(own, foldWeights);
        }

        private double factor(SeriesBacktest own, List<HorizonWeights> ownFoldWeights) {
            long origins = own.origins().stream().filter(o -> own.bandScale(o, scaleDays) > 0).count();
            double ownQuantile = ratioQuantile(bands, List.of(own), ownFoldWeights, width, scaleDays);
            if (origins == 0 || !(ownQuantile > 0) || !(quantile > 0)) {
                return 1;
            }
            double ownFactor = Math.max(1 / MAX_FACTOR, Math.min(MAX_FACTOR, ownQuantile / quantile));
            return Math.exp(origins / (origins + priorOrigins) * Math.log(ownFactor));
        }
    }

    /** {@link Pool#factor} for one series. */
    static double factor(Map<HorizonBucket, Band> pooled, SeriesBacktest own, List<SeriesBacktest> pool,
                         List<HorizonWeights> foldWeights, double width, int scaleDays, double priorOrigins) {
        return Pool.of(pooled, pool, foldWeights, width, scaleDays, priorOrigins).factor(own);
    }

    /** The {@code width} quantile, over every bucket, of the factors the backtests' cross-fitted errors need. */
    private static double ratioQuantile(Map<HorizonBucket, Band> pooled, List<SeriesBacktest> backtests,
                                        List<HorizonWeights> foldWeights, double width, int scaleDays) {
        List<List<SeriesBacktest>> held = new ArrayList<>();
        for (int k = 0; k < ProfileLearner.FOLDS; k++) {
            held.add(ProfileLearner.fold(backtests, k, true));
        }
        List<double[]> ratios = new ArrayList<>();
        for (HorizonBucket bucket : HorizonBucket.values()) {
            Band band = pooled.get(bucket);
            double[] errors = ProfileLearner.crossFitted(held, foldWeights, bucket, scaleDays);
            double[] r = new double[errors.length];
            for (int i = 0; i < errors.length; i++) {
                r[i] = ratio(errors[i], band);
            }
            ratios.add(r);
        }
        double[] sorted = ratios.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return sorted.length == 0 ? 0 : ProfileLearner.upperQuantile(sorted, width);
    }

    /** The factor the band needs to cover one error: the error over the band's side it falls on. */
    static double ratio(double error, Band band) {
        if (error == 0) {
            return 0;
        }
        double side = error > 0 ? band.upper() : band.lower();
        return side == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, error / side);
    }
}
