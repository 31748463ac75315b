package org.stockcast.model.dataset;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Immutable, column-oriented sales rows (the master dataset, an upload, or a model version's snapshot).
 * Known columns are typed; missing numeric values are NaN, missing text is null. Every other column is kept
 * as text, in first-seen order, so nothing a user uploads is dropped.
 */
public final class SalesTable {
    /** Product id given to rows of a file without a product_id column (API.md). */
    public static final String TOTAL_PRODUCT = "_total";

    // Implementation: issue #2 (columnar arrays + a builder).

    private SalesTable() {
        throw new UnsupportedOperationException("issue #2");
    }

    public static SalesTable empty() {
        throw new UnsupportedOperationException("issue #2");
    }

    public int size() { throw new UnsupportedOperationException("issue #2"); }

    public LocalDate date(int row) { throw new UnsupportedOperationException("issue #2"); }

    public String productId(int row) { throw new UnsupportedOperationException("issue #2"); }

    public String category(int row) { throw new UnsupportedOperationException("issue #2"); }

    public String region(int row) { throw new UnsupportedOperationException("issue #2"); }

    public double sales(int row) { throw new UnsupportedOperationException("issue #2"); }

    public double price(int row) { throw new UnsupportedOperationException("issue #2"); }

    public double discount(int row) { throw new UnsupportedOperationException("issue #2"); }

    public double rating(int row) { throw new UnsupportedOperationException("issue #2"); }

    /** Names of the extra (unknown) columns, in first-seen order. */
    public List<String> extraColumns() { throw new UnsupportedOperationException("issue #2"); }

    /** Text of an extra column for a row, or null when empty. */
    public String extra(String column, int row) { throw new UnsupportedOperationException("issue #2"); }

    public Optional<LocalDate> lastDate() { throw new UnsupportedOperationException("issue #2"); }

    public List<String> productIds() { throw new UnsupportedOperationException("issue #2"); }

    public List<String> categories() { throw new UnsupportedOperationException("issue #2"); }

    public List<String> regions() { throw new UnsupportedOperationException("issue #2"); }

    /** Daily sum of sales over the rows matching the filter, first to last matching date; empty if none match. */
    public Optional<DailySeries> dailySeries(SalesFilter filter) { throw new UnsupportedOperationException("issue #2"); }
}
