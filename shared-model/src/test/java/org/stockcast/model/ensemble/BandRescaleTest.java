package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.HorizonBucket;

class BandRescaleTest {
    /** 16 origins of 91 days whose members both forecast 0 and whose actuals are Gaussian of this sd (scale 1). */
    static SeriesBacktest series(String key, double sd, long seed) {
        Random random = new Random(seed);
        List<OriginForecasts> origins = new ArrayList<>();
        for (int o = 0; o < 16; o++) {
            double[] actual = new double[91];
            for (int d = 0; d < actual.length; d++) {
                actual[d] = sd * random.nextGaussian();
            }
            origins.add(new OriginForecasts(200 + 7 * o, 1, actual,
                    Map.of(Member.ADDITIVE, new double[91], Member.SEASONAL_NAIVE, new double[91])));
        }
        return new SeriesBacktest(key, origins, WeightLoss.ABSOLUTE);
    }

    static List<SeriesBacktest> pool() {
        return List.of(series(SeriesKey.product("A"), 1, 1), series(SeriesKey.product("B"), 1, 2),
                series(SeriesKey.product("C"), 1, 3), series(SeriesKey.product("D"), 2, 4));
    }

    @Test
    void aHarderSeriesGetsWiderBandsThanItsKindAndAnEasierOneNarrower() {
        EnsembleCalibration calibration = EnsembleCalibration.learn(pool(), 0.8, Optional.empty(),
                EnsembleCalibration.DEFAULT_METHOD, EnsembleCalibration.DEFAULT_WEIGHTS,
                new EnsembleCalibration.BandRule(EnsembleCalibration.BandSource.RESCALED,
                        EnsembleCalibration.DEFAULT_BAND_ERRORS, 0, 16, EnsembleCalibration.BandLevel.NOMINAL))
                .orElseThrow();
        Band kind = calibration.pooled().get(SeriesKind.PRODUCT).bands().get(HorizonBucket.DAYS_8_28);
        Band hard = calibration.series().get(SeriesKey.product("D")).bands().get(HorizonBucket.DAYS_8_28);
        Band easy = calibration.series().get(SeriesKey.product("A")).bands().get(HorizonBucket.DAYS_8_28);
        assertThat(hard.upper()).isGreaterThan(1.2 * kind.upper());
        assertThat(easy.upper()).isLessThan(0.95 * kind.upper());
        assertThat(hard.lower() / kind.lower()).isCloseTo(hard.upper() / kind.upper(), within(1e-9));
    }

    /** Shrinkage: own^(m / (m + prior)), so a series with few origins stays near its kind's bands. */
    @Test
    void theOwnFactorIsShrunkToThePoolByTheNumberOfOrigins() {
        List<SeriesBacktest> pool = pool();
        SeriesProfile kind = ProfileLearner.learn(pool, 0.8, Optional.empty()).orElseThrow();
        List<HorizonWeights> folds = BandRescale.foldWeights(pool, EnsembleCalibration.DEFAULT_METHOD);
        SeriesBacktest hard = pool.get(3);
        double none = BandRescale.factor(kind.bands(), hard, pool, folds, 0.8, 0, 0);
        double shrunk = BandRescale.factor(kind.bands(), hard, pool, folds, 0.8, 0, 16);
        // the pool's sd is about 1.3 (three of sd 1, one of 2): the hard series needs about 2 / 1.3 of its bands
        assertThat(none).isBetween(1.3, 1.8);
        assertThat(shrunk).isCloseTo(Math.pow(none, 16 / 32.0), within(1e-9));
        assertThat(BandRescale.factor(kind.bands(), hard, pool, folds, 0.8, 0, 1e9)).isCloseTo(1, within(1e-6));
    }

    @Test
    void anErrorOnASideTheBandDoesNotReachNeedsTheLargestFactor() {
        assertThat(BandRescale.ratio(2, new Band(-1, 0))).isEqualTo(BandRescale.MAX_FACTOR);
        assertThat(BandRescale.ratio(-2, new Band(-1, 4))).isEqualTo(2);
        assertThat(BandRescale.ratio(0, new Band(0, 0))).isZero();
    }
}
