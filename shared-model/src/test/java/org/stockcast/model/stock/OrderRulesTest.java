package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;

class OrderRulesTest {
    private static final double[] FORECAST = constant(30, 10);
    private static final DailySeries FLAT = new DailySeries(LocalDate.of(2025, 1, 1), constant(60, 10));

    private static double[] constant(int days, double value) {
        double[] values = new double[days];
        Arrays.fill(values, value);
        return values;
    }

    @Test
    void ordersAreRoundedUpToWholePacksAfterTheMinimum() {
        InventoryPolicy packs = new InventoryPolicy(0.95, 5, 7, 0, 12, 0);
        assertThat(packs.orderQuantity(1)).isEqualTo(12);
        assertThat(packs.orderQuantity(24)).isEqualTo(24);
        assertThat(packs.orderQuantity(24.5)).isEqualTo(36);
        assertThat(packs.orderQuantity(0)).isZero();
        InventoryPolicy minimum = new InventoryPolicy(0.95, 5, 7, 0, 1, 50);
        assertThat(minimum.orderQuantity(7.2)).isEqualTo(50);
        assertThat(minimum.orderQuantity(70.2)).isEqualTo(71);
        InventoryPolicy both = new InventoryPolicy(0.95, 5, 7, 0, 12, 50);
        assertThat(both.orderQuantity(7)).isEqualTo(60); // 50 at least, in packs of 12
    }

    @Test
    void suggestedOrderFillsUpToTheMaximumInPacksOnlyAtTheReorderPoint() {
        // no noise: reorder point 50, maximum 120
        InventoryPolicy policy = new InventoryPolicy(0.95, 5, 7, 0, 25, 0);
        InventoryAdvice low = InventoryAdvisor.advise(FLAT, FORECAST, policy, OptionalDouble.of(40));
        assertThat(low.reorderPoint()).isCloseTo(50, within(1e-9));
        assertThat(low.suggestedOrder()).isEqualTo(100); // 80 needed, in packs of 25
        assertThat(low.warnings().get(0)).contains("order 100 units");
        InventoryAdvice high = InventoryAdvisor.advise(FLAT, FORECAST, policy, OptionalDouble.of(51));
        assertThat(high.suggestedOrder()).isZero();
        assertThat(InventoryAdvisor.advise(FLAT, FORECAST, policy, OptionalDouble.empty()).suggestedOrder()).isNull();
        // above the reorder point of a distribution (8 units/day) whose level the point forecast (40/day) does not
        // share, as SBA's and the ensemble's may differ: the stock runs out within the lead time, so order anyway
        InventoryAdvice urgent = InventoryAdvisor.advise(FLAT, constant(30, 40), new NoiseDemand(constant(30, 8), 0),
                InventoryPolicy.of(0.95, 5, 7), OptionalDouble.of(45));
        assertThat(urgent.reorderPoint()).isCloseTo(40, within(1e-9));
        assertThat(urgent.warnings().get(0)).startsWith("URGENT").contains("order 51 units now");
        assertThat(urgent.suggestedOrder()).isEqualTo(51); // up to the maximum of 96
    }

    @Test
    void costsSetTheServiceLevelAsTheNewsvendorCriticalRatio() {
        assertThat(InventoryPolicy.costServiceLevel(1, 19)).isCloseTo(0.95, within(1e-12));
        assertThat(InventoryPolicy.costServiceLevel(2, 2)).isCloseTo(0.5, within(1e-12));
        assertThatThrownBy(() -> InventoryPolicy.costServiceLevel(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InventoryPolicy.costServiceLevel(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillRateIsOneWithoutNoiseAndFallsWithTheServiceLevel() {
        InventoryAdvice sure = InventoryAdvisor.advise(FLAT, FORECAST, InventoryPolicy.DEFAULT, OptionalDouble.empty());
        assertThat(sure.fillRate()).isEqualTo(1);
        NoiseDemand noisy = new NoiseDemand(FORECAST, 5);
        InventoryAdvice p90 = InventoryAdvisor.advise(FLAT, FORECAST, noisy, InventoryPolicy.of(0.90, 5, 7),
                OptionalDouble.empty());
        InventoryAdvice p99 = InventoryAdvisor.advise(FLAT, FORECAST, noisy, InventoryPolicy.of(0.99, 5, 7),
                OptionalDouble.empty());
        // normal loss function: E[(D - S)+] = sd * L(z); sd = 5 sqrt(12), L(1.2816) = 0.04730
        assertThat(p90.fillRate()).isCloseTo(1 - 5 * Math.sqrt(12) * 0.04730 / 70, within(0.002));
        assertThat(p99.fillRate()).isGreaterThan(p90.fillRate()).isLessThan(1);
    }

    @Test
    void rejectsImpossibleOrderRules() {
        assertThatThrownBy(() -> new InventoryPolicy(0.95, 5, 7, -1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InventoryPolicy(0.95, 5, 7, 0, 0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InventoryPolicy(0.95, 5, 7, 0, 1, -2)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Normal demand, 10 a day with daily sd 5: demand over lead time 5 + review 7 is normal(120, 5 sqrt 12). Orders
     * rounded up to packs of 25 leave the position evenly in [maximum, maximum + 25): the maximum is where the
     * average of the normal CDF over that span is 95%, below the 95% quantile (148.5) by less than a pack.
     */
    @Test
    void packsLowerTheMaximumSoThatRoundedOrdersGiveTheServiceAsked() {
        NoiseDemand normal = new NoiseDemand(FORECAST, 5);
        double sd = 5 * Math.sqrt(12);
        InventoryAdvice units = InventoryAdvisor.advise(FLAT, FORECAST, normal, InventoryPolicy.of(0.95, 5, 7),
                OptionalDouble.empty());
        InventoryAdvice packs = InventoryAdvisor.advise(FLAT, FORECAST, normal,
                new InventoryPolicy(0.95, 5, 7, 0, 25, 0), OptionalDouble.empty());
        assertThat(units.maximumLevel()).isCloseTo(120 + 1.6449 * sd, within(0.3));
        assertThat(packs.maximumLevel()).isLessThan(units.maximumLevel()).isGreaterThan(units.maximumLevel() - 25);
        double covered = 0;
        double shortage = 0; // normal loss function sd * L(z), L(z) = phi(z) - z (1 - Phi(z))
        int steps = 10_000;
        for (int i = 0; i < steps; i++) {
            double z = (packs.maximumLevel() + (i + 0.5) / steps * 25 - 120) / sd;
            covered += NormalCdf.of(z) / steps;
            shortage += sd * (Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) - z * (1 - NormalCdf.of(z))) / steps;
        }
        assertThat(covered).isCloseTo(0.95, within(0.002));
        assertThat(packs.reorderPoint()).isEqualTo(units.reorderPoint()); // a daily check orders at the same point
        assertThat(packs.warnings().get(0)).contains("order up to " + Math.round(packs.maximumLevel())
                + " units in whole packs of 25");
        assertThat(packs.fillRate()).isCloseTo(1 - shortage / 70, within(0.002)); // over the same span
    }

    /** With a lead-time spread the span's mean is that of the mixture's CDF, read here point by point. */
    @Test
    void packsLowerTheMaximumOfALeadTimeMixtureToo() {
        NoiseDemand normal = new NoiseDemand(FORECAST, 5);
        InventoryPolicy spread = new InventoryPolicy(0.99, 5, 7, 1.5, 1, 0);
        InventoryPolicy packs = new InventoryPolicy(0.99, 5, 7, 1.5, 40, 0);
        double units = InventoryAdvisor.advise(FLAT, FORECAST, normal, spread, OptionalDouble.empty()).maximumLevel();
        double lowered = InventoryAdvisor.advise(FLAT, FORECAST, normal, packs, OptionalDouble.empty()).maximumLevel();
        assertThat(lowered).isLessThan(units).isGreaterThan(units - 40);
        ProtectionDemand mixture = ProtectionDemand.over(normal, 5, 1.5, 7);
        double covered = 0;
        int steps = 2_000;
        for (int i = 0; i < steps; i++) {
            covered += mixture.cdf(lowered + (i + 0.5) / steps * 40) / steps;
        }
        assertThat(covered).isCloseTo(0.99, within(0.001));
    }

    /**
     * Normal daily demand (20 a day, sd 5: a negative day is a 1-in-30,000 event) replayed week by week with
     * backorders, ordering the missing units up to the maximum in packs of 25 at every review: the lowered maximum
     * achieves 95% of cycles, the unlowered one (the 95% quantile, 268.5) the average of the CDF over
     * [268.5, 293.5), 0.986: extra stock buys away most of the stock-outs the buyer accepted.
     */
    @Test
    void roundedOrdersAchieveTheServiceLevelInAReplay() {
        int weeks = 20_000;
        double[] demand = new double[weeks * 7];
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int d = 0; d < demand.length; d++) {
            double u = random.nextDouble();
            demand[d] = Math.max(0, 20 + 5 * NormalQuantile.of(u == 0 ? 0.5 : u));
        }
        int[] leads = new int[weeks];
        Arrays.fill(leads, 5);
        InventoryPolicy rules = new InventoryPolicy(0.95, 5, 7, 0, 25, 0);
        double[] forecast = constant(30, 20);
        double lowered = InventoryAdvisor.advise(FLAT, forecast, new NoiseDemand(forecast, 5), rules,
                OptionalDouble.empty()).maximumLevel();
        double quantile = 240 + 1.6449 * 5 * Math.sqrt(12);
        assertThat(replay(demand, leads, lowered, rules).cycleServiceLevel()).isCloseTo(0.95, within(0.005));
        assertThat(replay(demand, leads, quantile, rules).cycleServiceLevel()).isCloseTo(0.986, within(0.005));
    }

    /**
     * Normal daily demand (10 a day, sd 3) with a minimum order of 200 units, about three weeks' demand: an order
     * lifts the position to about the maximum + 200 and the next reviews order nothing, so the positions after a
     * review spread over [maximum, maximum + 200). The lowered maximum achieves 95% of cycles in a backordered
     * replay; the unlowered 95% quantile of demand over lead time + review period buys 99.9%.
     */
    @Test
    void aMinimumOrderAboveAReviewsDemandLowersTheMaximumToo() {
        int weeks = 20_000;
        double[] demand = new double[weeks * 7];
        java.util.SplittableRandom random = new java.util.SplittableRandom(12);
        for (int d = 0; d < demand.length; d++) {
            double u = random.nextDouble();
            demand[d] = Math.max(0, 10 + 3 * NormalQuantile.of(u == 0 ? 0.5 : u));
        }
        int[] leads = new int[weeks];
        Arrays.fill(leads, 5);
        InventoryPolicy rules = new InventoryPolicy(0.95, 5, 7, 0, 1, 200);
        double[] forecast = constant(30, 10);
        NoiseDemand normal = new NoiseDemand(forecast, 3);
        double lowered = InventoryAdvisor.advise(FLAT, forecast, normal, rules, OptionalDouble.empty()).maximumLevel();
        double quantile = InventoryAdvisor.advise(FLAT, forecast, normal, InventoryPolicy.of(0.95, 5, 7),
                OptionalDouble.empty()).maximumLevel();
        assertThat(lowered).isLessThan(quantile - 20);
        assertThat(replay(demand, leads, lowered, rules).cycleServiceLevel()).isCloseTo(0.95, within(0.01));
        assertThat(replay(demand, leads, quantile, rules).cycleServiceLevel()).isGreaterThan(0.99);
        // a minimum below a review's demand (70 a week) rarely binds and leaves the maximum as it is
        double small = InventoryAdvisor.advise(FLAT, forecast, normal, new InventoryPolicy(0.95, 5, 7, 0, 1, 30),
                OptionalDouble.empty()).maximumLevel();
        assertThat(small).isCloseTo(quantile, within(1e-9));
    }

    private static InventorySimulation.Result replay(double[] demand, int[] leads, double maximum,
                                                     InventoryPolicy rules) {
        return InventorySimulation.run(demand, 7, leads, maximum, review -> new InventorySimulation.Levels(maximum,
                maximum), rules::orderQuantity, InventorySimulation.Unmet.BACKORDERED);
    }
}
