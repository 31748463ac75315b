package org.stockcast.model.intermittent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;

class IntermittentTest {
    private static final double[] TINY = {0, 0, 4, 0, 2, 0, 0, 6};
    private static final SmoothingConstants TENTHS = new SmoothingConstants(0.1, 0.1);

    @Test
    void crostonByHand() {
        // first demand at day 3: size 4, interval 3; day 5 (interval 2): size 4 + 0.1 (2 - 4) = 3.8,
        // interval 3 + 0.1 (2 - 3) = 2.9; day 8 (interval 3): size 3.8 + 0.1 (6 - 3.8) = 4.02, interval 2.91
        FittedIntermittent croston = Intermittent.fit(TINY, IntermittentMethod.CROSTON, TENTHS);
        assertThat(croston.size()).isCloseTo(4.02, within(1e-12));
        assertThat(croston.occurrenceProbability()).isCloseTo(1 / 2.91, within(1e-12));
        assertThat(croston.forecast(3)).containsExactly(new double[] {4.02 / 2.91, 4.02 / 2.91, 4.02 / 2.91},
                within(1e-12));
        // one-step forecasts on days 4..8: 4/3, 4/3, 3.8/2.9, 3.8/2.9, 3.8/2.9
        double a = 4 / 3.0;
        double b = 3.8 / 2.9;
        double mse = (a * a + (2 - a) * (2 - a) + b * b + b * b + (6 - b) * (6 - b)) / 5;
        assertThat(croston.inSampleMse()).isCloseTo(mse, within(1e-12));
    }

    @Test
    void sbaIsCrostonTimesOneMinusHalfTheIntervalConstant() {
        FittedIntermittent sba = Intermittent.fit(TINY, IntermittentMethod.SBA, TENTHS);
        assertThat(sba.rate()).isCloseTo(0.95 * 4.02 / 2.91, within(1e-12));
    }

    @Test
    void tsbByHand() {
        // first demand at day 3: size 4, probability 1/3; day 4 (0): 0.3; day 5 (2): 0.3 + 0.1 (1 - 0.3) = 0.37,
        // size 3.8; days 6, 7 (0): 0.333, 0.2997; day 8 (6): 0.2997 + 0.1 (1 - 0.2997) = 0.36973, size 4.02
        FittedIntermittent tsb = Intermittent.fit(TINY, IntermittentMethod.TSB, TENTHS);
        assertThat(tsb.occurrenceProbability()).isCloseTo(0.36973, within(1e-12));
        assertThat(tsb.size()).isCloseTo(4.02, within(1e-12));
        assertThat(tsb.rate()).isCloseTo(0.36973 * 4.02, within(1e-12));
    }

    @Test
    void missingDaysAreDroppedBeforeFitting() {
        double[] gappy = {Double.NaN, 0, 0, 4, Double.NaN, 0, 2, 0, 0, Double.NaN, 6};
        for (IntermittentMethod method : IntermittentMethod.values()) {
            assertThat(Intermittent.fit(gappy, method, TENTHS).rate())
                    .isCloseTo(Intermittent.fit(TINY, method, TENTHS).rate(), within(1e-12));
        }
    }

    @Test
    void gridPicksTheSmallestInSampleError() {
        double[] y = simulated(400, 0.25, 9);
        for (IntermittentMethod method : IntermittentMethod.values()) {
            FittedIntermittent best = Intermittent.fit(y, method);
            double[] timing = method == IntermittentMethod.TSB ? Intermittent.TSB_PROBABILITY_GRID
                    : Intermittent.CROSTON_GRID;
            for (double s : Intermittent.CROSTON_GRID) {
                for (double t : timing) {
                    assertThat(best.inSampleMse()).isLessThanOrEqualTo(
                            Intermittent.fit(y, method, new SmoothingConstants(s, t)).inSampleMse());
                }
            }
        }
    }

    @Test
    void ratesEstimateTheSimulatedDemand() {
        double[] y = simulated(3000, 0.2, 1);
        double trueRate = 0.2 * (1 + 2 + 3 + 10) / 4.0;
        for (IntermittentMethod method : IntermittentMethod.values()) {
            assertThat(Intermittent.fit(y, method).rate()).as(method.name()).isCloseTo(trueRate,
                    within(0.35 * trueRate));
        }
    }

    @Test
    void noDemandForecastsZero() {
        for (IntermittentMethod method : IntermittentMethod.values()) {
            FittedIntermittent none = Intermittent.fit(new double[] {0, 0, Double.NaN, 0}, method);
            assertThat(none.forecast(2)).containsExactly(0, 0);
            assertThat(none.occurrenceProbability()).isZero();
        }
    }

    @Test
    void forecasterRefitsOnTheHistory() {
        double[] y = simulated(300, 0.3, 4);
        DailySeries history = new DailySeries(LocalDate.of(2024, 1, 1), y);
        assertThat(Intermittent.forecaster(IntermittentMethod.TSB).forecast(history, 5).yhat())
                .containsExactly(Intermittent.fit(y, IntermittentMethod.TSB).forecast(5));
    }

    /** Demand on a day with probability p, size uniform over {1, 2, 3, 10}. */
    static double[] simulated(int days, double p, long seed) {
        Random random = new Random(seed);
        double[] sizes = {1, 2, 3, 10};
        double[] y = new double[days];
        for (int i = 0; i < days; i++) {
            y[i] = random.nextDouble() < p ? sizes[random.nextInt(4)] : 0;
        }
        return y;
    }
}
