package org.stockcast.model.additive;

import java.time.LocalDate;
import java.util.List;

/**
 * A holiday or promotion: one extra regressor per offset in [-daysBefore, +daysAfter] around each date,
 * as Prophet's holidays with lower_window/upper_window.
 */
public record SpecialDay(String name, List<LocalDate> dates, int daysBefore, int daysAfter) {
    public SpecialDay {
        dates = List.copyOf(dates);
    }
}
