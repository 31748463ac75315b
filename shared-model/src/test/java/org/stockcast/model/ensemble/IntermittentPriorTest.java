package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;

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
}
