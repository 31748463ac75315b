package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;

class InventoryAdvisorTest {
    private static final double Z95 = 1.6448536269514722;

    private static DailySeries series(double... values) {
        return new DailySeries(LocalDate.of(2025, 1, 1), values);
    }

    private static double[] constant(int days, double value) {
        double[] values = new double[days];
        Arrays.fill(values, value);
        return values;
    }

    /** A pure weekly pattern: the forecast predicts it, so it needs no safety stock. */
    private static double[] weekly(int days) {
        double[] values = new double[days];
        for (int i = 0; i < days; i++) {
            values[i] = 10 + (i % 7);
        }
        return values;
    }

    @Test
    void weeklyPatternAloneNeedsNoSafetyStock() {
        InventoryAdvice advice = InventoryAdvisor.advise(series(weekly(70)), constant(30, 10), InventoryPolicy.DEFAULT,
                OptionalDouble.empty());
        assertThat(advice.safetyStock()).isCloseTo(0, within(1e-9));
        assertThat(advice.minimumLevel()).isCloseTo(0, within(1e-9));
        assertThat(advice.reorderPoint()).isCloseTo(50, within(1e-9));
        assertThat(advice.maximumLevel()).isCloseTo(120, within(1e-9));
        assertThat(advice.daysOfStockLeft()).isNull();
        assertThat(advice.warnings()).anyMatch(w -> w.startsWith("No current stock given: reorder when stock falls "
                + "to 50.0 units") && w.endsWith("Checking stock only every 7 days, order up to 120 units at every "
                + "check."));
    }

    @Test
    void safetyStockIsZTimesWeekOnWeekNoiseTimesRootLeadTime() {
        // Week 2 is 3 units above weeks 1 and 3: 7 differences of +3, 7 of -3.
        double[] history = weekly(21);
        for (int i = 7; i < 14; i++) {
            history[i] += 3;
        }
        double sigma = 3 * Math.sqrt(14.0 / 13.0) / Math.sqrt(2);
        assertThat(InventoryAdvisor.dailyVariability(history)).isCloseTo(sigma, within(1e-12));

        InventoryPolicy policy = InventoryPolicy.of(0.95, 4, 7);
        double[] forecast = constant(30, 12);
        InventoryAdvice advice = InventoryAdvisor.advise(series(history), forecast, policy, OptionalDouble.empty());
        double safety = Z95 * sigma * 2;
        assertThat(advice.safetyStock()).isCloseTo(safety, within(1e-6));
        assertThat(advice.minimumLevel()).isEqualTo(advice.safetyStock());
        assertThat(advice.reorderPoint()).isCloseTo(48 + safety, within(1e-6));
        // the maximum is the 95% quantile of 11 days' demand, not the reorder point plus the mean of 7 more days
        assertThat(advice.maximumLevel()).isCloseTo(132 + Z95 * sigma * Math.sqrt(11), within(1e-6));
    }

    @Test
    void higherServiceLevelMeansMoreSafetyStock() {
        double[] history = weekly(60);
        history[40] += 20;
        InventoryAdvice p90 = InventoryAdvisor.advise(series(history), constant(7, 10),
                InventoryPolicy.of(0.90, 5, 7), OptionalDouble.empty());
        InventoryAdvice p99 = InventoryAdvisor.advise(series(history), constant(7, 10),
                InventoryPolicy.of(0.99, 5, 7), OptionalDouble.empty());
        assertThat(p99.safetyStock()).isGreaterThan(p90.safetyStock()).isGreaterThan(0);
        assertThat(p99.safetyStock() / p90.safetyStock()).isCloseTo(2.3263478740408408 / 1.2815515655446004,
                within(1e-6));
    }

    @Test
    void shortHistoryFallsBackToPlainStdDev() {
        assertThat(InventoryAdvisor.dailyVariability(new double[] {1, 3})).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(InventoryAdvisor.dailyVariability(new double[] {5})).isZero();
    }

    @Test
    void demandBeyondTheHorizonUsesTheForecastMean() {
        assertThat(DailyMean.over(new double[] {10, 20}, 0, 5)).isCloseTo(75, within(1e-9));
        assertThat(DailyMean.over(new double[] {10, 20}, 1, 3)).isCloseTo(50, within(1e-9));
    }

    @Test
    void daysOfStockLeftInterpolatesWithinTheDay() {
        assertThat(InventoryAdvisor.daysOfStock(25, constant(10, 10))).isCloseTo(2.5, within(1e-9));
        assertThat(InventoryAdvisor.daysOfStock(0, constant(10, 10))).isCloseTo(0, within(1e-9));
        assertThat(InventoryAdvisor.daysOfStock(150, constant(10, 10))).isCloseTo(15, within(1e-9));
        assertThat(InventoryAdvisor.daysOfStock(5, constant(10, 0))).isNull();
    }

    @Test
    void stockBelowSafetyStockIsUrgent() {
        double[] history = weekly(60);
        history[50] += 30;
        InventoryAdvice advice = InventoryAdvisor.advise(series(history), constant(30, 10), InventoryPolicy.DEFAULT,
                OptionalDouble.of(2));
        assertThat(advice.safetyStock()).isGreaterThan(2);
        assertThat(advice.daysOfStockLeft()).isCloseTo(0.2, within(1e-9));
        long order = (long) Math.ceil(advice.maximumLevel() - 2);
        assertThat(advice.warnings().get(0)).startsWith("URGENT: only 2.0 units in stock")
                .contains("order " + order + " units now");
    }

    @Test
    void stockRunningOutWithinLeadTimeIsUrgentEvenAboveSafetyStock() {
        InventoryAdvice advice = InventoryAdvisor.advise(series(weekly(60)), constant(30, 10), InventoryPolicy.DEFAULT,
                OptionalDouble.of(30));
        assertThat(advice.safetyStock()).isLessThan(30);
        assertThat(advice.warnings().get(0)).startsWith("URGENT:").contains("about 3.0 days of demand");
    }

    @Test
    void stockAtReorderPointAsksForAnOrderUpToTheMaximum() {
        InventoryPolicy policy = InventoryPolicy.of(0.95, 2, 7);
        InventoryAdvice advice = InventoryAdvisor.advise(series(weekly(60)), constant(30, 10), policy,
                OptionalDouble.of(20));
        assertThat(advice.reorderPoint()).isCloseTo(20, within(1e-9));
        assertThat(advice.warnings().get(0)).isEqualTo("We need to order 70 units because stock (20.0 units) has "
                + "reached the reorder point of 20.0 units (20.0 units expected over the 2-day lead time plus 0.0 "
                + "units safety stock).");
    }

    @Test
    void plentyOfStockIsHealthy() {
        InventoryAdvice advice = InventoryAdvisor.advise(series(weekly(60)), constant(30, 10), InventoryPolicy.DEFAULT,
                OptionalDouble.of(400));
        assertThat(advice.daysOfStockLeft()).isCloseTo(40, within(1e-9));
        assertThat(advice.warnings()).hasSize(1);
        assertThat(advice.warnings().get(0)).startsWith("Stock is healthy: 400 units, about 40 days of demand");
    }

    @Test
    void reportsAForecastRiseInDemand() {
        InventoryAdvice advice = InventoryAdvisor.advise(series(constant(60, 10)), constant(14, 20),
                InventoryPolicy.DEFAULT, OptionalDouble.empty());
        assertThat(advice.warnings()).anyMatch(w -> w.startsWith("Demand is forecast to rise by 100% over the next 14"));
        InventoryAdvice steady = InventoryAdvisor.advise(series(constant(60, 10)), constant(14, 11),
                InventoryPolicy.DEFAULT, OptionalDouble.empty());
        assertThat(steady.warnings()).noneMatch(w -> w.startsWith("Demand is forecast"));
    }

    @Test
    void rejectsImpossiblePolicies() {
        assertThatThrownBy(() -> InventoryAdvisor.advise(series(weekly(10)), constant(3, 1),
                InventoryPolicy.of(1.0, 5, 7), OptionalDouble.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InventoryAdvisor.advise(series(weekly(10)), constant(3, 1),
                InventoryPolicy.of(0.9, -1, 7), OptionalDouble.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InventoryAdvisor.advise(series(weekly(10)), constant(3, 1),
                InventoryPolicy.DEFAULT, OptionalDouble.of(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
