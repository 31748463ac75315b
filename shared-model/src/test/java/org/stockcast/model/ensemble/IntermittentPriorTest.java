package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.HorizonBucket;

class IntermittentPriorTest {
    private static final List<HorizonBucket> SHORT = List.of(HorizonBucket.DAYS_1_7, HorizonBucket.DAYS_8_28,
            HorizonBucket.DAYS_29_91);

    /**
     * 13 weekly origins of a demand of 5..15 units on one day in four (mean rate 2.5): SBA forecasts the rate; the
     * additive model and Holt-Winters the rate off by their own bias per origin (sd 0.5), so on fresh origins SBA
     * is the best, but 13 origins of lumpy actuals may not show it. {@code history} is what the origins were cut from.
     */
    private static SeriesBacktest backtest(Random random, double[] history) {
        List<OriginForecasts> origins = new ArrayList<>();
        for (int k = 0; k < 13; k++) {
            int days = 91 - 7 * k;
            double[] actual = new double[days];
            Map<Member, double[]> forecasts = new EnumMap<>(Member.class);
            for (Member m : List.of(Member.ADDITIVE, Member.HOLT_WINTERS, Member.INTERMITTENT)) {
                double bias = m == Member.INTERMITTENT ? 0 : 0.5 * random.nextGaussian();
                double[] f = new double[days];
                Arrays.fill(f, 2.5 + bias);
                forecasts.put(m, f);
            }
            for (int d = 0; d < days; d++) {
                actual[d] = random.nextInt(4) == 0 ? 5 + random.nextInt(11) : 0;
            }
            origins.add(new OriginForecasts(400 + 7 * k, 3, actual, forecasts));
        }
        return new SeriesBacktest(SeriesKey.TOTAL, origins, WeightLoss.SQUARED, history);
    }

    private static double[] intermittentHistory(Random random) {
        double[] values = new double[500];
        for (int d = 0; d < values.length; d++) {
            values[d] = random.nextInt(4) == 0 ? 5 + random.nextInt(11) : 0;
        }
        return values;
    }

    private static double[] smoothHistory(Random random) {
        double[] values = new double[500];
        for (int d = 0; d < values.length; d++) {
            values[d] = 20 + random.nextInt(5);
        }
        return values;
    }

    private static HorizonWeights served(SeriesBacktest backtest) {
        return EnsembleCalibration.learn(List.of(backtest), 0.8, Optional.empty()).orElseThrow()
                .series().get(backtest.key()).weights();
    }

    @Test
    void anIntermittentSeriesIsServedAtLeastHalfSbaInEveryBucket() {
        Random random = new Random(3);
        for (int s = 0; s < 10; s++) {
            SeriesBacktest backtest = backtest(random, intermittentHistory(random));
            HorizonWeights weights = served(backtest);
            for (HorizonBucket bucket : SHORT) {
                assertThat(weights.buckets().get(bucket).getOrDefault(Member.INTERMITTENT, 0.0))
                        .as("series %d, %s", s, bucket.label()).isGreaterThanOrEqualTo(0.5 - 1e-9);
            }
        }
    }

    @Test
    void aSmoothSeriesKeepsTheHalfWayToEqualWeights() {
        Random random = new Random(3);
        for (int s = 0; s < 10; s++) {
            SeriesBacktest backtest = backtest(random, smoothHistory(random));
            assertThat(served(backtest)).isEqualTo(ShrunkWeights.learn(List.of(backtest),
                    EnsembleCalibration.WeightPrior.EQUAL_HALF).get(backtest.key()));
        }
    }

    /** As {@link #backtest}, but SBA over-forecasts by 2 units where the additive model is unbiased. */
    private static SeriesBacktest sbaBiased(Random random, double[] history) {
        List<OriginForecasts> origins = new ArrayList<>();
        for (int k = 0; k < 13; k++) {
            int days = 91 - 7 * k;
            double[] actual = new double[days];
            for (int d = 0; d < days; d++) {
                actual[d] = random.nextInt(4) == 0 ? 5 + random.nextInt(11) : 0;
            }
            double[] additive = new double[days];
            double[] sba = new double[days];
            Arrays.fill(additive, 2.5);
            Arrays.fill(sba, 4.5);
            origins.add(new OriginForecasts(400 + 7 * k, 3, actual,
                    new EnumMap<>(Map.of(Member.ADDITIVE, additive, Member.INTERMITTENT, sba))));
        }
        return new SeriesBacktest(SeriesKey.TOTAL, origins, WeightLoss.SQUARED, history);
    }

    @Test
    void anIntermittentSeriesBandsAreSizedOnTheBlendItServes() {
        Random random = new Random(5);
        SeriesBacktest backtest = sbaBiased(random, intermittentHistory(random));
        EnsembleCalibration calibration = EnsembleCalibration.learn(List.of(backtest), 0.8, Optional.empty())
                .orElseThrow();
        Map<HorizonBucket, Band> pooled = calibration.pooled().get(SeriesKind.TOTAL).bands();
        List<HorizonWeights> poolFolds = BandRescale.foldWeights(List.of(backtest),
                EnsembleCalibration.WeightMethod.GRID);
        BandRescale.Pool pool = BandRescale.Pool.of(pooled, List.of(backtest), poolFolds, 0.8, 0,
                EnsembleCalibration.DEFAULT_PRIOR_ORIGINS);
        // alone in its kind, the pool's own blend needs no rescaling; the blend it serves (half SBA) does
        assertThat(pool.factor(backtest)).isEqualTo(1.0);
        Map<HorizonBucket, Band> served = calibration.series().get(backtest.key()).bands();
        assertThat(served).isEqualTo(pool.rescaled(backtest,
                poolFolds.stream().map(ShrunkWeights::halfWayToSba).toList()));
        assertThat(ShrunkWeights.intermittent(backtest, EnsembleCalibration.DEFAULT_PRIOR)).as("class").isTrue();
        assertThat(served).isNotEqualTo(pooled);
    }

    @Test
    void halfWayToSbaKeepsEachBucketSummingToOne() {
        HorizonWeights weights = HorizonWeights.uniform(Map.of(Member.ADDITIVE, 0.6, Member.INTERMITTENT, 0.4));
        HorizonWeights mixed = ShrunkWeights.halfWayToSba(weights);
        assertThat(mixed.weight(Member.INTERMITTENT, 0)).isCloseTo(0.7, within(1e-12));
        assertThat(mixed.weight(Member.ADDITIVE, 100)).isCloseTo(0.3, within(1e-12));
        HorizonWeights withoutSba = HorizonWeights.uniform(Map.of(Member.ADDITIVE, 1.0));
        assertThat(ShrunkWeights.halfWayToSba(withoutSba).weight(Member.INTERMITTENT, 0)).isEqualTo(0.5);
    }
}
