package org.stockcast.model.intermittent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class IntermittentDemandTest {

    @Test
    void totalsHaveTheModelsMeanAndZeroProbability() {
        double[] y = IntermittentTest.simulated(1000, 0.2, 3);
        for (IntermittentMethod method : IntermittentMethod.values()) {
            FittedIntermittent model = Intermittent.fit(y, method);
            IntermittentDemand demand = new IntermittentDemand(model, 28, 20_000, 42);
            for (int days : new int[] {1, 5, 28, 60}) { // 60: beyond mean(), the last day extended
                double[] totals = demand.totals(days);
                double mean = Arrays.stream(totals).average().orElseThrow();
                double zeroShare = Arrays.stream(totals).filter(t -> t == 0).count() / (double) totals.length;
                assertThat(mean).as("%s mean over %d days", method, days)
                        .isCloseTo(days * model.rate(), within(0.04 * days * model.rate()));
                assertThat(zeroShare).as("%s P(0) over %d days", method, days)
                        .isCloseTo(Math.pow(1 - model.occurrenceProbability(), days), within(0.012));
                assertThat(Arrays.stream(totals).min().orElseThrow()).isGreaterThanOrEqualTo(0);
            }
            assertThat(demand.mean()).hasSize(28).containsOnly(model.rate());
        }
    }

    @Test
    void sizesKeepTheItemsShapeAtTheModelsLevel() {
        double[] y = {0, 0, 4, 0, 2, 0, 0, 6};
        FittedIntermittent model = Intermittent.fit(y, IntermittentMethod.TSB, new SmoothingConstants(0.1, 0.1));
        double[] one = new IntermittentDemand(model, 1, 5_000, 1).totals(1);
        // sizes 4, 2, 6 scaled to mean 4.02: outcomes are 0 or one of those three values
        double scale = 4.02 / 4.0;
        assertThat(Arrays.stream(one).distinct().sorted().toArray())
                .containsExactly(new double[] {0, 2 * scale, 4 * scale, 6 * scale}, within(1e-9));
    }

    @Test
    void sameSeedSameOutcomes() {
        FittedIntermittent model = Intermittent.fit(IntermittentTest.simulated(500, 0.3, 8), IntermittentMethod.SBA);
        assertThat(new IntermittentDemand(model, 7, 100, 5).totals(7))
                .containsExactly(new IntermittentDemand(model, 7, 100, 5).totals(7));
    }

    @Test
    void noDemandMeansZeroTotals() {
        FittedIntermittent none = Intermittent.fit(new double[] {0, 0, 0}, IntermittentMethod.CROSTON);
        assertThat(new IntermittentDemand(none, 3, 10, 1).totals(30)).containsOnly(0);
    }
}
