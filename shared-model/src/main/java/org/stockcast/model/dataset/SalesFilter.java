package org.stockcast.model.dataset;

/**
 * Which rows of the master dataset make up a series. Every field is optional (null = no constraint);
 * numeric bounds compare against the row's own value and a row without that value never matches a bound.
 */
public record SalesFilter(String productId, String category, String region,
                          Double minRating, Double maxPrice, Double minDiscount) {

    public static final SalesFilter ALL = new SalesFilter(null, null, null, null, null, null);

    public static SalesFilter product(String productId) {
        return new SalesFilter(productId, null, null, null, null, null);
    }

    public static SalesFilter category(String category) {
        return new SalesFilter(null, category, null, null, null, null);
    }

    public static SalesFilter region(String region) {
        return new SalesFilter(null, null, region, null, null, null);
    }

    /** Human-readable context for responses, e.g. "Product P021", "Category A, Region North", "All products". */
    public String describe() {
        throw new UnsupportedOperationException("issue #2");
    }
}
