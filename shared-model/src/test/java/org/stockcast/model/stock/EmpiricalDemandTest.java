package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmpiricalDemandTest {
    private static final double[] FORECAST = {10, 10, 10, 10, 10};

    @Test
    void totalsAreTheForecastSumPlusEachPathsErrorClippedAtZero() {
        double[][] paths = new double[10][];
        for (int k = 0; k < paths.length; k++) {
            paths[k] = new double[] {k - 4.5, 0, 0, -60, 0};
        }
        double[] two = new EmpiricalDemand(FORECAST, ErrorPaths.of(paths), new NoiseDemand(FORECAST, 0)).totals(2);
        Arrays.sort(two);
        for (int k = 0; k < 10; k++) {
            assertThat(two[k]).isCloseTo(20 + k - 4.5, within(1e-9));
        }
        // day 3's -60 takes every four-day total below 0: clipped
        assertThat(new EmpiricalDemand(FORECAST, ErrorPaths.of(paths), new NoiseDemand(FORECAST, 0)).totals(4))
                .containsOnly(0);
    }

    @Test
    void pathsTooShortOrWithMissingDaysAreLeftOutAndTooFewFallBack() {
        double[][] paths = new double[9][];
        for (int k = 0; k < 9; k++) {
            paths[k] = new double[] {1, 1, k == 0 ? Double.NaN : 1};
        }
        paths[1] = new double[] {1, 1}; // too short for 3 days
        NoiseDemand fallback = new NoiseDemand(FORECAST, 2);
        EmpiricalDemand demand = new EmpiricalDemand(FORECAST, ErrorPaths.of(paths), fallback);
        assertThat(demand.totals(2)).hasSize(9).containsOnly(22);
        assertThat(demand.totals(3)).containsExactly(fallback.totals(3)); // 7 usable paths < MIN_PATHS
    }

    @Test
    void manyNormalPathsGiveTheNormalReorderPoint() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] paths = new double[400][12];
        for (double[] path : paths) {
            for (int d = 0; d < path.length; d++) {
                path[d] = 4 * Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                        * Math.cos(2 * Math.PI * random.nextDouble());
            }
        }
        double[] forecast = new double[12];
        Arrays.fill(forecast, 20);
        EmpiricalDemand demand = new EmpiricalDemand(forecast, ErrorPaths.of(paths), new NoiseDemand(forecast, 0));
        ProtectionDemand leadTime = ProtectionDemand.over(demand, 5, 0, 0);
        double exact = 100 + NormalQuantile.of(0.95) * 4 * Math.sqrt(5);
        assertThat(leadTime.quantile(0.95)).isCloseTo(exact, within(0.02 * exact));
    }

    @Test
    void outcomesReadAsAContinuousDistributionWithANormalTail() {
        Outcomes outcomes = new Outcomes(new double[] {3, 1, 2, 4});
        assertThat(outcomes.quantile(0.4)).isCloseTo(2, within(1e-12)); // the 2nd of 4 is the 2/5 quantile
        assertThat(outcomes.quantile(0.5)).isCloseTo(2.5, within(1e-12));
        assertThat(outcomes.cdf(2.5)).isCloseTo(0.5, within(1e-12));
        assertThat(outcomes.quantile(0.99)).isGreaterThan(4);
        assertThat(outcomes.cdf(outcomes.quantile(0.99))).isCloseTo(0.99, within(1e-6));
        assertThat(outcomes.expectedShortage(2)).isCloseTo((1 + 2) / 4.0, within(1e-12));
    }
}
