package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A level read from n outcomes should be a prediction quantile: over many samples of n, a new total falls below the
 * p-level with probability about p. Measured by Monte Carlo with the new total's CDF known exactly.
 */
class OutcomesTest {
    private static final int SAMPLES = 20_000;
    private static final int N = 15;

    /** Mean over samples of P(new <= level) for n independent outcomes. */
    private static double coverage(double p, SplittableRandom random, DoubleUnaryOperator draw,
                                   DoubleUnaryOperator cdf) {
        double sum = 0;
        for (int s = 0; s < SAMPLES; s++) {
            double[] values = new double[N];
            for (int k = 0; k < N; k++) {
                values[k] = draw.applyAsDouble(random.nextDouble());
            }
            sum += cdf.applyAsDouble(new Outcomes(values).quantile(p));
        }
        return sum / SAMPLES;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /**
     * 90% of 15 outcomes lies between the 14th and 15th: read without an allowance (the knots are already prediction
     * quantiles). Linear interpolation between knots covers a little more under a concave upper tail (about 90.7%
     * normal, 91.0% exponential); spreading the outcomes by the allowance, as before, covered 92.8% and 92.2%.
     */
    @Test
    void withinTheOutcomesNoAllowanceForTheirNumber() {
        SplittableRandom random = new SplittableRandom(5);
        double normal = coverage(0.90, random, u -> NormalQuantile.of(Math.max(1e-12, u)), NormalCdf::of);
        double exponential = coverage(0.90, random, u -> -Math.log(1 - u), x -> 1 - Math.exp(-x));
        assertThat(normal).isBetween(0.90, 0.912);
        assertThat(exponential).isBetween(0.90, 0.915);
    }

    /**
     * The situation of the error paths: 12-day demand totals at 15 weekly backtest origins, so neighbouring totals
     * share 5 days and the sample is less dispersed than a new, non-overlapping total (one exceeds their largest about
     * 7.6% of the time, not 1/16). Daily demand independent normal(20, 6): beyond the largest the widened Student-t
     * tail covers its level (a plain normal tail from the largest outcome covers 93.9% at 95%).
     */
    @Test
    void beyondTheLargestTheTailCoversOverlappingTotals() {
        SplittableRandom random = new SplittableRandom(6);
        int days = 12;
        double[] covered = new double[2];
        double[] levels = {0.95, 0.99};
        double sd = 6 * Math.sqrt(days);
        for (int s = 0; s < SAMPLES; s++) {
            double[] daily = new double[7 * (N + 1) + days];
            for (int d = 0; d < daily.length; d++) {
                daily[d] = 20 + 6 * gaussian(random);
            }
            // origins 16 .. 2 weeks before now, as the paths usable for 12 days; the new total starts at 7 * (N + 1)
            double[] totals = new double[N];
            for (int k = 0; k < N; k++) {
                totals[k] = sum(daily, 7 * k, days);
            }
            Outcomes outcomes = new Outcomes(totals);
            for (int i = 0; i < levels.length; i++) {
                covered[i] += NormalCdf.of((outcomes.quantile(levels[i]) - 20 * days) / sd);
            }
        }
        assertThat(covered[0] / SAMPLES).isCloseTo(0.95, within(0.006));
        assertThat(covered[1] / SAMPLES).isCloseTo(0.99, within(0.003));
    }

    private static double sum(double[] values, int from, int n) {
        double total = 0;
        for (int d = from; d < from + n; d++) {
            total += values[d];
        }
        return total;
    }

    @Test
    void theTailRisesWithTheLevelAndItsCdfInvertsIt() {
        double[] values = new double[N];
        for (int k = 0; k < N; k++) {
            values[k] = 100 + 10 * NormalQuantile.of((k + 1.0) / (N + 1));
        }
        Outcomes outcomes = new Outcomes(values);
        double previous = outcomes.quantile(0.93);
        assertThat(previous).isLessThanOrEqualTo(values[N - 1]);
        for (double p = 0.94; p < 0.9995; p += 0.001) {
            double level = outcomes.quantile(p);
            assertThat(level).isGreaterThan(previous);
            assertThat(outcomes.cdf(level)).isCloseTo(p, within(1e-9));
            previous = level;
        }
        // the tail starts at the largest outcome spread by the allowance
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        assertThat(outcomes.quantile(N / (N + 1.0))).isCloseTo(mean + Outcomes.allowance(N) * (values[N - 1] - mean),
                within(1e-9));
        assertThat(Outcomes.allowance(N)).isCloseTo(Math.sqrt(16.0 / 15 * 14 / 12), within(1e-12));
        assertThat(Outcomes.allowance(4)).isEqualTo(1);
    }

    @Test
    void studentQuantilesAgreeWithTheTables() {
        // t tables: nu 4: 2.132, 3.747 (95%, 99%); nu 14: 1.761, 2.624; nu 30: 2.457 (99%)
        assertThat(StudentQuantile.of(0.95, 4)).isCloseTo(2.132, within(0.01 * 2.132));
        assertThat(StudentQuantile.of(0.99, 4)).isCloseTo(3.747, within(0.01 * 3.747));
        assertThat(StudentQuantile.of(0.95, 14)).isCloseTo(1.761, within(0.002));
        assertThat(StudentQuantile.of(0.99, 14)).isCloseTo(2.624, within(0.002));
        assertThat(StudentQuantile.of(0.99, 30)).isCloseTo(2.457, within(0.002));
        assertThat(StudentQuantile.of(0.10, 14)).isCloseTo(-StudentQuantile.of(0.90, 14), within(1e-12));
    }
}
