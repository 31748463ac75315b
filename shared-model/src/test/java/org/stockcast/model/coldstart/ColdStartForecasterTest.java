package org.stockcast.model.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;

class ColdStartForecasterTest {
    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);

    @Test
    void threeRisingDaysGiveAFlatLevelNotATrend() {
        DailySeries launch = new DailySeries(MONDAY, new double[] {320, 350, 400});

        ColdStartForecaster.Forecast f = ColdStartForecaster.forecast(launch, Optional.empty(), 30, 0.8);

        assertThat(f.start()).isEqualTo(MONDAY.plusDays(3));
        assertThat(f.level()).isCloseTo((320 + 350 + 400) / 3.0, within(1e-9));
        assertThat(f.forecast()).containsOnly(f.level());
        assertThat(f.shapeFromReference()).isFalse();
        for (int d = 0; d < 30; d++) {
            assertThat(f.lower()[d]).isLessThan(f.forecast()[d]);
            assertThat(f.upper()[d]).isGreaterThan(f.forecast()[d]);
        }
        // wider further ahead, and wider than a plain 80% normal interval on the days' own spread
        assertThat(f.upper()[29] - f.lower()[29]).isGreaterThan(f.upper()[0] - f.lower()[0]);
        double sd = Math.sqrt(((320 - f.level()) * (320 - f.level()) + (350 - f.level()) * (350 - f.level())
                + (400 - f.level()) * (400 - f.level())) / 2);
        assertThat(f.upper()[0] - f.forecast()[0]).isGreaterThan(1.2816 * sd * 1.3);
    }

    @Test
    void weeklyShapeComesFromTheReferenceAndTheLevelIsDeseasonalised() {
        double[] category = new double[70];
        for (int i = 0; i < category.length; i++) {
            category[i] = MONDAY.minusDays(70).plusDays(i).getDayOfWeek().getValue() >= 6 ? 200 : 100;
        }
        DailySeries reference = new DailySeries(MONDAY.minusDays(70), category);
        // Saturday and Sunday sell twice a weekday in the category; the new product reports Fri, Sat, Sun
        DailySeries launch = new DailySeries(MONDAY.plusDays(4), new double[] {10, 20, 20});

        ColdStartForecaster.Forecast f = ColdStartForecaster.forecast(launch, Optional.of(reference), 7, 0.8);

        assertThat(f.shapeFromReference()).isTrue();
        // 8 weeks of evidence: the category's 2:1 weekend shape shrunk by 8/(8+2) towards flat
        double weekday0 = 1 + 0.8 * (100.0 / (900.0 / 7) - 1);
        double weekend = 1 + 0.8 * (200.0 / (900.0 / 7) - 1);
        assertThat(f.weeklyShape()[0]).isCloseTo(weekday0, within(1e-9));
        assertThat(f.weeklyShape()[6]).isCloseTo(weekend, within(1e-9));
        // starts on Monday: five weekdays at one level, then the weekend higher by the shrunk ratio
        assertThat(f.forecast()[0]).isCloseTo(f.forecast()[4], within(1e-9));
        assertThat(f.forecast()[5] / f.forecast()[0]).isCloseTo(weekend / weekday0, within(1e-9));
        assertThat(f.forecast()[5]).isBetween(15.0, 20.0);
        assertThat(f.forecast()[0]).isBetween(10.0, 12.0);
    }

    @Test
    void aReferenceTooShortGivesNoShapeAndFourWeeksIsNoLongerSparse() {
        DailySeries shortReference = new DailySeries(MONDAY, new double[10]);
        assertThat(ColdStartForecaster.weeklyShape(shortReference)).isEmpty();
        assertThat(ColdStartForecaster.isSparse(new DailySeries(MONDAY, new double[27]))).isTrue();
        assertThat(ColdStartForecaster.isSparse(new DailySeries(MONDAY, new double[28]))).isFalse();
    }

    /**
     * The README's example: P021 (320, 350, 400 from a Monday) is its category's only product until another
     * launches a month later; the category's days between are 0. Its "weekly shape" is the new product's own three
     * days, so it must not be used: the forecast is the flat mean, not a Monday tripled.
     */
    @Test
    void aReferenceThatIsOnlyOtherLaunchesGivesNoShape() {
        double[] category = new double[40];
        category[0] = 320;
        category[1] = 350;
        category[2] = 400;
        for (int i = 30; i < 40; i++) {
            category[i] = 45 + (i % 3);
        }
        DailySeries reference = new DailySeries(MONDAY, category);
        DailySeries launch = new DailySeries(MONDAY, new double[] {320, 350, 400});

        ColdStartForecaster.Forecast f = ColdStartForecaster.forecast(launch, Optional.of(reference), 7, 0.8);

        assertThat(f.shapeFromReference()).isFalse();
        assertThat(f.forecast()).containsOnly((320 + 350 + 400) / 3.0);
    }
}
