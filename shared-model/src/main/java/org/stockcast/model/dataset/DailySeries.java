package org.stockcast.model.dataset;

import java.time.LocalDate;

/**
 * A gap-free daily series: values[i] is the total for start + i days; NaN marks a missing day (not fitted, not
 * scored). How rows become days is {@link SeriesRules}' business.
 * Arrays are never mutated after construction (callers must not change them).
 */
public record DailySeries(LocalDate start, double[] values) {

    public int length() {
        return values.length;
    }

    public LocalDate end() {
        return start.plusDays(values.length - 1L);
    }

    public LocalDate date(int index) {
        return start.plusDays(index);
    }

    /** The first {@code length} days, for backtests. */
    public DailySeries head(int length) {
        return new DailySeries(start, java.util.Arrays.copyOf(values, length));
    }

    /** The last {@code maxDays} days (the whole series when it is not longer). */
    public DailySeries tail(int maxDays) {
        if (values.length <= maxDays) {
            return this;
        }
        int from = values.length - maxDays;
        return new DailySeries(start.plusDays(from), java.util.Arrays.copyOfRange(values, from, values.length));
    }
}
