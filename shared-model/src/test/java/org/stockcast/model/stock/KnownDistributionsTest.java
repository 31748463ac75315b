package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stockcast.model.dataset.DailySeries;

/** Demand distributions whose reorder point is known exactly: the advice must be within 2% of it. */
class KnownDistributionsTest {
    private static final DailySeries HISTORY = new DailySeries(LocalDate.of(2025, 1, 1), new double[] {20, 20});
    private static final double[] FORECAST = constant(30, 20);

    private static double[] constant(int days, double value) {
        double[] values = new double[days];
        Arrays.fill(values, value);
        return values;
    }

    /** Daily demand Poisson(rate), days independent: the total over d days is Poisson(rate d), drawn by Monte Carlo. */
    private record Poisson(double rate) implements DemandDistribution {
        @Override
        public double[] mean() {
            return constant(30, rate);
        }

        @Override
        public double[] totals(int days) {
            SplittableRandom random = new SplittableRandom(days);
            double[] out = new double[20_000];
            for (int k = 0; k < out.length; k++) {
                out[k] = draw(random, rate * days);
            }
            return out;
        }

        static int draw(SplittableRandom random, double mean) {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int n = 0;
            while (product > limit) {
                product *= random.nextDouble();
                n++;
            }
            return n;
        }

        /** Smallest k with P(Poisson(mean) <= k) >= p. */
        static int quantile(double mean, double p) {
            int k = 0;
            while (cdf(mean, k) < p) {
                k++;
            }
            return k;
        }

        static double cdf(double mean, double k) {
            double term = Math.exp(-mean);
            double sum = term;
            for (int i = 1; i <= k; i++) {
                term *= mean / i;
                sum += term;
            }
            return sum;
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.90, 0.95, 0.99})
    void normalDailyDemandFixedLeadTime(double level) {
        double sigma = 6;
        InventoryAdvice advice = InventoryAdvisor.advise(HISTORY, FORECAST, new NoiseDemand(FORECAST, sigma),
                InventoryPolicy.of(level, 5, 7), OptionalDouble.empty());
        double z = NormalQuantile.of(level);
        assertThat(advice.reorderPoint()).isCloseTo(100 + z * sigma * Math.sqrt(5), within(0.02 * advice.reorderPoint()));
        assertThat(advice.safetyStock()).isCloseTo(z * sigma * Math.sqrt(5), within(0.02 * advice.reorderPoint()));
        assertThat(advice.maximumLevel()).isCloseTo(240 + z * sigma * Math.sqrt(12),
                within(0.02 * advice.maximumLevel()));
        assertThat(advice.serviceLevel()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.90, 0.95, 0.99})
    void poissonDailyDemandFixedLeadTime(double level) {
        InventoryAdvice advice = InventoryAdvisor.advise(HISTORY, FORECAST, new Poisson(4), InventoryPolicy.of(level, 5,
                7), OptionalDouble.empty());
        double exact = Poisson.quantile(20, level);
        assertThat(advice.reorderPoint()).isCloseTo(exact, within(0.02 * exact));
        assertThat(advice.maximumLevel()).isCloseTo(Poisson.quantile(48, level), within(0.02 * exact));
    }

    /**
     * Lead time normal(6, 2) rounded to whole days and truncated at 0: the exact reorder point by a Monte Carlo of
     * 400,000 replenishment cycles, independent of the advisor's mixture.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.90, 0.95, 0.99})
    void normalDailyDemandVariableLeadTime(double level) {
        double sigma = 6;
        InventoryPolicy policy = new InventoryPolicy(level, 6, 7, 2, 1, 0);
        InventoryAdvice advice = InventoryAdvisor.advise(HISTORY, FORECAST, new NoiseDemand(FORECAST, sigma), policy,
                OptionalDouble.empty());
        SplittableRandom random = new SplittableRandom(7);
        double[] cycles = new double[400_000];
        for (int k = 0; k < cycles.length; k++) {
            long lead = leadTime(random, 6, 2);
            cycles[k] = Math.max(0, 20 * lead + sigma * Math.sqrt(lead) * gaussian(random));
        }
        Arrays.sort(cycles);
        double exact = cycles[(int) Math.ceil(level * cycles.length) - 1];
        assertThat(advice.reorderPoint()).isCloseTo(exact, within(0.02 * exact));
        // far above the fixed-lead-time level: the lead time's spread dominates
        assertThat(advice.reorderPoint()).isGreaterThan(120 + NormalQuantile.of(level) * sigma * Math.sqrt(6) + 10);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.90, 0.95, 0.99})
    void poissonDailyDemandVariableLeadTime(double level) {
        InventoryPolicy policy = new InventoryPolicy(level, 5, 7, 1.5, 1, 0);
        InventoryAdvice advice = InventoryAdvisor.advise(HISTORY, FORECAST, new Poisson(4), policy,
                OptionalDouble.empty());
        SplittableRandom random = new SplittableRandom(11);
        double[] cycles = new double[400_000];
        for (int k = 0; k < cycles.length; k++) {
            cycles[k] = Poisson.draw(random, 4 * leadTime(random, 5, 1.5));
        }
        Arrays.sort(cycles);
        double exact = cycles[(int) Math.ceil(level * cycles.length) - 1];
        assertThat(advice.reorderPoint()).isCloseTo(exact, within(0.02 * exact));
    }

    private static long leadTime(SplittableRandom random, double mean, double std) {
        long lead;
        do {
            lead = Math.round(mean + std * gaussian(random));
        } while (lead < 0);
        return lead;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
