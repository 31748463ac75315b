package org.stockcast.model.ensemble;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;

/**
 * Names of the series whose additive models are precomputed in a version:
 * "total", "product:P021", "category:A", "region:North".
 */
public final class SeriesKey {
    public static final String TOTAL = "total";
    private static final String PRODUCT = "product:";
    private static final String CATEGORY = "category:";
    private static final String REGION = "region:";

    private SeriesKey() {
    }

    public static String product(String id) {
        return PRODUCT + id;
    }

    public static String category(String name) {
        return CATEGORY + name;
    }

    public static String region(String name) {
        return REGION + name;
    }

    /**
     * The precomputed key a filter maps to, or empty when it must be fitted on demand: exactly one of product,
     * category, region (and no numeric bound) names that series; no constraint at all is the total.
     */
    public static Optional<String> of(SalesFilter filter) {
        if (filter.minRating() != null || filter.maxPrice() != null || filter.minDiscount() != null) {
            return Optional.empty();
        }
        int named = (filter.productId() != null ? 1 : 0) + (filter.category() != null ? 1 : 0)
                + (filter.region() != null ? 1 : 0);
        if (named == 0) {
            return Optional.of(TOTAL);
        }
        if (named > 1) {
            return Optional.empty();
        }
        if (filter.productId() != null) {
            return Optional.of(product(filter.productId()));
        }
        if (filter.category() != null) {
            return Optional.of(category(filter.category()));
        }
        return Optional.of(region(filter.region()));
    }

    /** The filter a key stands for (inverse of {@link #of}); empty for a name that is not a key. */
    public static Optional<SalesFilter> filter(String key) {
        if (key.equals(TOTAL)) {
            return Optional.of(SalesFilter.ALL);
        }
        if (key.startsWith(PRODUCT)) {
            return Optional.of(SalesFilter.product(key.substring(PRODUCT.length())));
        }
        if (key.startsWith(CATEGORY)) {
            return Optional.of(SalesFilter.category(key.substring(CATEGORY.length())));
        }
        if (key.startsWith(REGION)) {
            return Optional.of(SalesFilter.region(key.substring(REGION.length())));
        }
        return Optional.empty();
    }

    /**
     * Every series a version should precompute for {@code table}, key to filter: the total, then each product,
     * category and region, in the table's order.
     */
    public static Map<String, SalesFilter> precomputed(SalesTable table) {
        Map<String, SalesFilter> keys = new LinkedHashMap<>();
        keys.put(TOTAL, SalesFilter.ALL);
        table.productIds().forEach(id -> keys.put(product(id), SalesFilter.product(id)));
        table.categories().forEach(name -> keys.put(category(name), SalesFilter.category(name)));
        table.regions().forEach(name -> keys.put(region(name), SalesFilter.region(name)));
        return keys;
    }
}
