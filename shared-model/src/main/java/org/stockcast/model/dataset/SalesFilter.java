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
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (productId != null) {
            parts.add("Product " + productId);
        }
        if (category != null) {
            parts.add("Category " + category);
        }
        if (region != null) {
            parts.add("Region " + region);
        }
        if (minRating != null) {
            parts.add("rating >= " + minRating);
        }
        if (maxPrice != null) {
            parts.add("price <= " + maxPrice);
        }
        if (minDiscount != null) {
            parts.add("discount >= " + minDiscount);
        }
        return parts.isEmpty() ? "All products" : String.join(", ", parts);
    }

    /** True when no field constrains the rows. */
    public boolean isAll() {
        return productId == null && category == null && region == null
                && minRating == null && maxPrice == null && minDiscount == null;
    }
}
