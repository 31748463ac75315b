package org.stockcast.model.dataset;

import java.util.function.IntPredicate;

/**
 * A {@link SalesFilter}'s test for one row of a {@link SalesTable}. Caches the last matching text instance because
 * values are deduplicated, so it is not thread-safe: one per query.
 */
final class SalesRowMatcher implements IntPredicate {
    private final String[] productIds;
    private final String[] categories;
    private final String[] regions;
    private final double[] ratings;
    private final double[] prices;
    private final double[] discounts;
    private final TextMatch product;
    private final TextMatch category;
    private final TextMatch region;
    private final double minRating;
    private final double maxPrice;
    private final double minDiscount;
    private final boolean hasMinRating;
    private final boolean hasMaxPrice;
    private final boolean hasMinDiscount;

    SalesRowMatcher(SalesTable table, SalesFilter filter) {
        this.productIds = table.productColumn();
        this.categories = table.categoryColumn();
        this.regions = table.regionColumn();
        this.ratings = table.ratingColumn();
        this.prices = table.priceColumn();
        this.discounts = table.discountColumn();
        this.product = filter.productId() == null ? null : new TextMatch(filter.productId());
        this.category = filter.category() == null ? null : new TextMatch(filter.category());
        this.region = filter.region() == null ? null : new TextMatch(filter.region());
        this.hasMinRating = filter.minRating() != null;
        this.hasMaxPrice = filter.maxPrice() != null;
        this.hasMinDiscount = filter.minDiscount() != null;
        this.minRating = hasMinRating ? filter.minRating() : 0;
        this.maxPrice = hasMaxPrice ? filter.maxPrice() : 0;
        this.minDiscount = hasMinDiscount ? filter.minDiscount() : 0;
    }

    @Override
    public boolean test(int i) {
        // NaN comparisons are false, so a missing value never satisfies a bound.
        return (product == null || product.matches(productIds[i]))
                && (category == null || category.matches(categories[i]))
                && (region == null || region.matches(regions[i]))
                && (!hasMinRating || ratings[i] >= minRating)
                && (!hasMaxPrice || prices[i] <= maxPrice)
                && (!hasMinDiscount || discounts[i] >= minDiscount);
    }

    private static final class TextMatch {
        private final String wanted;
        private String lastHit;

        TextMatch(String wanted) {
            this.wanted = wanted;
        }

        boolean matches(String value) {
            if (value == lastHit && value != null) {
                return true;
            }
            if (wanted.equals(value)) {
                lastHit = value;
                return true;
            }
            return false;
        }
    }
}
