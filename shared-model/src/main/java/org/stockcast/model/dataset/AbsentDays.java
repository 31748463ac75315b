package org.stockcast.model.dataset;

/**
 * What a day without a row means inside a product's reported span (its first to its last dated row), docs/api.md
 * "Days, missing values and aggregates". An explicit missing value (empty {@code sales} cell or {@code NA}) is
 * missing under either setting; days after a product's last row are never filled.
 */
public enum AbsentDays {
    /** No row = no sales that day (the default: shops usually report only days with sales). */
    ZERO,
    /** No row = not reported: the day is missing (NaN), not fitted and not scored. */
    MISSING
}
