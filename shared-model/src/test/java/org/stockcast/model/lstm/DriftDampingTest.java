package org.stockcast.model.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DriftDampingTest {

    @Test
    void aDriftingPathEndsAtTheHistoryLevel() {
        double[] path = new double[365];
        for (int d = 0; d < path.length; d++) {
            path[d] = 100 + d;
        }
        double[] damped = DriftDamping.damp(path, 100, DriftDamping.DECAY_DAYS);
        assertThat(damped[0]).isCloseTo(100, within(1e-9));
        // the trailing week's mean of a line is 3 days behind it: what is left at the end is that lag
        assertThat(damped[364]).isCloseTo(103, within(0.5));
        assertThat(path[364] - damped[364]).isGreaterThan(250);
    }

    @Test
    void theWeeklyShapeAroundTheLevelIsKept() {
        double[] shape = {-20, -10, 0, 0, 5, 10, 15};
        double[] path = new double[364];
        for (int d = 0; d < path.length; d++) {
            path[d] = 200 + shape[d % 7];
        }
        double[] damped = DriftDamping.damp(path, 150, DriftDamping.DECAY_DAYS);
        for (int d = 300; d < 307; d++) {
            assertThat(damped[d]).isCloseTo(150 + shape[d % 7], within(0.1));
        }
    }

    @Test
    void neverBelowZeroAndTheLevelSkipsMissingDays() {
        double[] damped = DriftDamping.damp(new double[] {50, 50, 50, 50, 50, 50, 50, 50, 50, 50}, 0, 1);
        for (double v : damped) {
            assertThat(v).isGreaterThanOrEqualTo(0);
        }
        assertThat(DriftDamping.level(new double[] {1, 2, Double.NaN, 4}, 2)).isCloseTo(3, within(1e-12));
        assertThat(DriftDamping.level(new double[] {Double.NaN}, 28)).isZero();
    }
}
