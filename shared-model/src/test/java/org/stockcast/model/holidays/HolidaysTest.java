package org.stockcast.model.holidays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveForecast;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.additive.SpecialDay;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;
import org.stockcast.model.dataset.TestData;

class HolidaysTest {

    @Test
    void theUsCalendarMatchesTheFederalHolidaysOfTheBikeSharingData() throws IOException {
        List<String> lines = Files.readAllLines(TestData.real("bike-sharing-day.csv"));
        Set<LocalDate> marked = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells[5].equals("1")) {
                marked.add(LocalDate.parse(cells[1]));
            }
        }
        List<SpecialDay> us = PublicHolidays.between("US", LocalDate.of(2011, 1, 1), LocalDate.of(2012, 12, 31), 0,
                0);
        Set<LocalDate> calendar = new TreeSet<>();
        us.forEach(day -> calendar.addAll(day.dates()));

        assertThat(calendar).contains(LocalDate.of(2011, 7, 4), LocalDate.of(2011, 11, 24),
                LocalDate.of(2011, 12, 26)); // Christmas 2011 fell on a Sunday: observed on Monday
        Set<LocalDate> common = new TreeSet<>(marked);
        common.retainAll(calendar);
        // of 21 marked days, the two DC Emancipation Days (a District, not a federal, holiday) are not in the
        // national calendar, and Jollyday does not shift every Sunday holiday to its observed Monday
        assertThat(common.size()).as("bike holidays %s, calendar %s", marked, calendar)
                .isGreaterThanOrEqualTo(marked.size() - 4);
        assertThat(us).allSatisfy(day -> assertThat(day.name()).startsWith("holiday: "));
        assertThatThrownBy(() -> PublicHolidays.between("atlantis", LocalDate.of(2011, 1, 1),
                LocalDate.of(2011, 12, 31), 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atlantis").hasMessageContaining("us");
    }

    @Test
    void eventColumnsNameTheirDaysAndZeroOrEmptyMarksNothing() {
        SalesTableBuilder b = SalesTable.builder();
        b.add(LocalDate.of(2025, 1, 1), "P1", 5).extra("Event", "1");
        b.add(LocalDate.of(2025, 1, 2), "P1", 5).extra("Event", "0");
        b.add(LocalDate.of(2025, 1, 3), "P1", 5).extra("Event", "black friday");
        b.add(LocalDate.of(2025, 1, 4), "P1", 5).extra("Event", "");
        b.add(LocalDate.of(2025, 1, 4), "P2", 5).extra("Event", "Black Friday");
        b.add(LocalDate.of(2025, 1, 5), "P2", 5).extra("note", "1");

        List<SpecialDay> days = EventColumns.of(b.build(), 0, 1);

        assertThat(days).extracting(SpecialDay::name)
                .containsExactly("event", "event: Black Friday", "event: black friday");
        assertThat(days.get(0).dates()).containsExactly(LocalDate.of(2025, 1, 1));
        assertThat(days).allSatisfy(d -> assertThat(d.daysAfter()).isEqualTo(1));
        assertThat(HolidayRules.NONE.specialDays(b.build(), 365)).hasSize(3);
    }

    @Test
    void aHolidayColumnLetsTheAdditiveModelForecastTheNextHolidaysDip() {
        // 400 days at 100 with Mondays at 120; every 1st of a month is a closure at 10, given in the column
        LocalDate start = LocalDate.of(2024, 1, 1);
        SalesTableBuilder b = SalesTable.builder();
        double[] values = new double[400];
        for (int d = 0; d < 400; d++) {
            LocalDate date = start.plusDays(d);
            values[d] = date.getDayOfMonth() == 1 ? 10 : date.getDayOfWeek().getValue() == 1 ? 120 : 100;
            b.add(date, "P1", values[d]).extra("holiday", date.getDayOfMonth() == 1 ? "closed" : "0");
        }
        SalesTable table = b.build();
        DailySeries history = new DailySeries(start, java.util.Arrays.copyOf(values, 365));
        List<SpecialDay> closures = new HolidayRules(Optional.empty(), 0, 0).specialDays(table, 0);
        AdditiveConfig plain = AdditiveConfig.defaults().withInterval(0.8, 0);

        AdditiveForecast with = AdditiveModel.fit(history, plain.withSpecialDays(closures)).predict(35);
        AdditiveForecast without = AdditiveModel.fit(history, plain).predict(35);

        int firstOfFebruary = (int) (LocalDate.of(2025, 2, 1).toEpochDay() - start.plusDays(365).toEpochDay());
        assertThat(with.yhat()[firstOfFebruary]).isLessThan(30);
        assertThat(without.yhat()[firstOfFebruary]).isGreaterThan(60);
    }
}
