package org.stockcast.model.holidays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stockcast.model.additive.SpecialDay;
import org.stockcast.model.dataset.SalesTable;

/**
 * Which special days the additive model gets: a country's public holidays (empty = none) and the upload's
 * {@code holiday}/{@code event} columns ({@link EventColumns}), each with a Prophet-style window of
 * {@code daysBefore}/{@code daysAfter} days.
 */
public record HolidayRules(Optional<String> country, int daysBefore, int daysAfter) {
    public static final HolidayRules NONE = new HolidayRules(Optional.empty(), 0, 0);

    public HolidayRules {
        country = country == null ? Optional.empty() : country.map(String::strip).filter(c -> !c.isEmpty());
        if (daysBefore < 0 || daysAfter < 0) {
            throw new IllegalArgumentException("holiday windows must be >= 0");
        }
    }

    /**
     * The special days for a model trained on {@code table} and forecasting up to {@code horizonDays} after its
     * last day: the calendar's over the whole span (future holidays included), then the table's own events.
     */
    public List<SpecialDay> specialDays(SalesTable table, int horizonDays) {
        List<SpecialDay> days = new ArrayList<>();
        Optional<LocalDate> first = table.firstDate();
        Optional<LocalDate> last = table.lastDate();
        if (country.isPresent() && first.isPresent()) {
            days.addAll(PublicHolidays.between(country.get(), first.get(), last.get().plusDays(horizonDays),
                    daysBefore, daysAfter));
        }
        days.addAll(EventColumns.of(table, daysBefore, daysAfter));
        return days;
    }
}
