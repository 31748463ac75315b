package org.stockcast.model.intermittent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntermittencyTest {
    private static final double NA = Double.NaN;

    @Test
    void textbookClasses() {
        assertThat(Intermittency.of(new double[] {5, 6, 5, 7, 6, 5, 6, 5, 7, 6}).pattern())
                .isEqualTo(DemandPattern.SMOOTH);
        assertThat(Intermittency.of(new double[] {0, 0, 3, 0, 0, 4, 0, 0, 3, 0, 0, 4}).pattern())
                .isEqualTo(DemandPattern.INTERMITTENT);
        assertThat(Intermittency.of(new double[] {0, 0, 1, 0, 0, 20, 0, 0, 2, 0, 0, 30}).pattern())
                .isEqualTo(DemandPattern.LUMPY);
        assertThat(Intermittency.of(new double[] {1, 20, 2, 30, 1, 25, 2, 18}).pattern())
                .isEqualTo(DemandPattern.ERRATIC);
        assertThat(Intermittency.of(new double[] {0, 0, 0}).pattern()).isEqualTo(DemandPattern.NO_DEMAND);
    }

    @Test
    void measuresByHand() {
        Intermittency lumpy = Intermittency.of(new double[] {0, 0, 1, 0, 0, 20, 0, 0, 2, 0, 0, 30});
        double mean = (1 + 20 + 2 + 30) / 4.0;
        double variance = (1 + 400 + 4 + 900) / 4.0 - mean * mean;
        assertThat(lumpy.adi()).isCloseTo(3.0, within(1e-12));
        assertThat(lumpy.cv2()).isCloseTo(variance / (mean * mean), within(1e-12));
        assertThat(lumpy.zeroShare()).isCloseTo(8 / 12.0, within(1e-12));
    }

    @Test
    void missingDaysAreLeftOut() {
        Intermittency gappy = Intermittency.of(new double[] {NA, 0, 0, 3, NA, 0, 0, 4, NA});
        assertThat(gappy.adi()).isCloseTo(3.0, within(1e-12));
        assertThat(gappy.zeroShare()).isCloseTo(4 / 6.0, within(1e-12));
        assertThat(gappy.pattern()).isEqualTo(DemandPattern.INTERMITTENT);
    }

    /** Weekends always 0 (a market closed on them): the open days decide, smooth; random zeros still count. */
    @Test
    void closedWeekdaysAreLeftOut() {
        double[] weekdaysOnly = new double[70];
        double[] sparse = new double[70];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < weekdaysOnly.length; i++) {
            weekdaysOnly[i] = i % 7 >= 5 ? 0 : 100 + random.nextInt(20);
            sparse[i] = random.nextDouble() < 0.4 ? 3 : 0;
        }
        assertThat(Intermittency.of(weekdaysOnly).adi()).isCloseTo(1.0, within(1e-12));
        assertThat(Intermittency.of(weekdaysOnly).pattern()).isEqualTo(DemandPattern.SMOOTH);
        assertThat(Intermittency.closedWeekdays(weekdaysOnly)).containsExactly(false, false, false, false, false,
                true, true);
        assertThat(Intermittency.of(sparse).pattern()).isEqualTo(DemandPattern.INTERMITTENT);
        assertThat(Intermittency.closedWeekdays(sparse)).containsOnly(false);
        // seven weeks are too few to call a weekday closed; a series with no open weekday has none closed
        assertThat(Intermittency.closedWeekdays(java.util.Arrays.copyOf(weekdaysOnly, 49))).containsOnly(false);
        assertThat(Intermittency.closedWeekdays(new double[70])).containsOnly(false);
    }

    @Test
    void cutsAreSyntetosBoylans() {
        assertThat(Intermittency.classify(1.32, 0.49)).isEqualTo(DemandPattern.SMOOTH);
        assertThat(Intermittency.classify(1.33, 0.49)).isEqualTo(DemandPattern.INTERMITTENT);
        assertThat(Intermittency.classify(1.33, 0.50)).isEqualTo(DemandPattern.LUMPY);
        assertThat(Intermittency.classify(1.32, 0.50)).isEqualTo(DemandPattern.ERRATIC);
        assertThat(DemandPattern.LUMPY.intermittent()).isTrue();
        assertThat(DemandPattern.ERRATIC.intermittent()).isFalse();
    }
}
