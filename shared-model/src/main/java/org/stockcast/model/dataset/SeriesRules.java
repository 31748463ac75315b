package org.stockcast.model.dataset;

import java.util.Optional;

/**
 * How rows become a daily series (docs/api.md "Days, missing values and aggregates"): what an absent day inside a
 * product's span means, and after how many days without a report a product no longer holds an aggregate back.
 * A model version records the rules it was trained with, so the forecast service builds the same series.
 *
 * @param absentDays            a day without a row inside a product's span: 0 sales or missing
 * @param discontinuedAfterDays a product whose last row is more than this many days before the newest row of the
 *                              aggregate is discontinued: it counts as 0 after its last day instead of ending the
 *                              aggregate there
 */
public record SeriesRules(AbsentDays absentDays, int discontinuedAfterDays) {
    /** Four weeks: longer than any reporting delay we have seen, shorter than a seasonal gap. */
    public static final int DEFAULT_DISCONTINUED_AFTER_DAYS = 28;
    public static final SeriesRules DEFAULT = new SeriesRules(AbsentDays.ZERO, DEFAULT_DISCONTINUED_AFTER_DAYS);

    public SeriesRules {
        if (absentDays == null) {
            absentDays = AbsentDays.ZERO;
        }
        if (discontinuedAfterDays < 0) {
            throw new IllegalArgumentException("discontinuedAfterDays must be >= 0, was " + discontinuedAfterDays);
        }
    }

    public static SeriesRules of(AbsentDays absentDays) {
        return new SeriesRules(absentDays, DEFAULT_DISCONTINUED_AFTER_DAYS);
    }

    /** The filter's daily series under these rules ({@link DailyAggregation}); empty when no row matches. */
    public Optional<DailySeries> series(SalesTable table, SalesFilter filter) {
        return DailyAggregation.of(table, filter, this);
    }
}
