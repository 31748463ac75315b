package org.stockcast.model.ensemble;

import org.stockcast.model.dataset.SalesFilter;

/** The kind of a series, for pooling backtests: a filter naming a product is a product series, and so on. */
public enum SeriesKind {
    TOTAL, PRODUCT, CATEGORY, REGION;

    public static SeriesKind of(SalesFilter filter) {
        if (filter.productId() != null) {
            return PRODUCT;
        }
        if (filter.category() != null) {
            return CATEGORY;
        }
        if (filter.region() != null) {
            return REGION;
        }
        return TOTAL;
    }
}
