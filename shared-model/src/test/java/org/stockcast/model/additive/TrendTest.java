package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void placesChangepointsLikeProphet() {
        // numpy.linspace(0, 79, 26).round()[1:]
        assertThat(Trend.changepointIndexes(100, 25, 0.8)).containsExactly(
                3, 6, 9, 13, 16, 19, 22, 25, 28, 32, 35, 38, 41, 44, 47, 51, 54, 57, 60, 63, 66, 70, 73, 76, 79);
        // round half to even, as numpy: linspace(0, 5, 3) = 0, 2.5, 5
        assertThat(Trend.changepointIndexes(6, 2, 1.0)).containsExactly(2, 5);
    }

    @Test
    void shortHistoriesGetFewerChangepoints() {
        // hist_size = floor(10 * 0.8) = 8, so at most 7
        assertThat(Trend.changepointIndexes(10, 25, 0.8)).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(Trend.changepointIndexes(2, 25, 0.8)).isEmpty();
        assertThat(Trend.changepointIndexes(1, 25, 0.8)).isEmpty();
        assertThat(Trend.changepointIndexes(1000, 0, 0.8)).isEmpty();
    }

    @Test
    void piecewiseLinearBendsAtChangepointsAndStaysContinuous() {
        double[] t = {0, 0.25, 0.5, 0.75, 1.0, 1.5};
        // k = 1, m = 2; slope -2 at 0.5 and +4 at 0.75:
        // t < 0.5: 2 + t; 0.5 <= t < 0.75: 2.5 - (t - 0.5); t >= 0.75: 2.25 + 3 (t - 0.75)
        double[] trend = Trend.piecewiseLinear(t, 1, 2, new double[] {0.5, 0.75}, new double[] {-2, 4});
        assertThat(trend).containsExactly(new double[] {2.0, 2.25, 2.5, 2.25, 3.0, 4.5}, within(1e-12));
    }

    @Test
    void zeroDeltasGiveAStraightLine() {
        double[] t = {0, 0.3, 0.9, 2};
        double[] trend = Trend.piecewiseLinear(t, -0.5, 1, new double[] {0.2, 0.6}, new double[] {0, 0});
        assertThat(trend).containsExactly(new double[] {1, 0.85, 0.55, 0}, within(1e-12));
    }
}
