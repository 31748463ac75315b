package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FourierTest {

    @Test
    void weeklyFeaturesOfAHandPickedDay() {
        // day 3 of the epoch, period 7: sin/cos of 2 pi i 3 / 7 for i = 1, 2, 3
        double[] row = Fourier.features(3, 7, 3);
        double x = 2 * Math.PI * 3 / 7;
        assertThat(row).containsExactly(new double[] {Math.sin(x), Math.cos(x), Math.sin(2 * x), Math.cos(2 * x),
                Math.sin(3 * x), Math.cos(3 * x)}, within(1e-14));
        // sin(6 pi / 7) = sin(pi / 7) = 0.433883739..., cos(6 pi / 7) = -0.900968867...
        assertThat(row[0]).isCloseTo(0.4338837391175581, within(1e-15));
        assertThat(row[1]).isCloseTo(-0.9009688679024191, within(1e-15));
    }

    @Test
    void recurrenceMatchesDirectTrigForYearlyOrderTenOnRecentDates() {
        for (double day : new double[] {0, 16_000, 20_412, 25_000}) {
            double[] row = Fourier.features(day, 365.25, 10);
            for (int i = 1; i <= 10; i++) {
                double angle = 2 * Math.PI * i * day / 365.25;
                assertThat(row[2 * (i - 1)]).isCloseTo(Math.sin(angle), within(1e-11));
                assertThat(row[2 * (i - 1) + 1]).isCloseTo(Math.cos(angle), within(1e-11));
            }
        }
    }

    @Test
    void featuresArePeriodic() {
        assertThat(Fourier.features(10, 7, 3)).containsExactly(Fourier.features(17, 7, 3), within(1e-12));
    }
}
