package org.stockcast.model.dataset;

import java.util.HashMap;
import java.util.Map;

/**
 * The rows of each product of a table, in table order: a product's series visits its own rows instead of testing
 * every row of the table (10,000 products x 3 years is 11M rows; one scan per product forecast, and the forecast
 * service warms every product after a swap). Built once per table, in two passes.
 */
final class ProductRows {
    private static final int[] NONE = new int[0];

    private final Map<String, int[]> rows;

    private ProductRows(Map<String, int[]> rows) {
        this.rows = rows;
    }

    /** One product's rows while building: counted in the first pass, filled in the second. */
    private static final class Rows {
        int count;
        int[] rows;
    }

    static ProductRows of(String[] productIds, int size) {
        // Rows of one product usually come in runs of the same (deduplicated) instance: look up once per run.
        Map<String, Rows> byProduct = new HashMap<>();
        String previous = null;
        Rows current = null;
        for (int i = 0; i < size; i++) {
            if (productIds[i] != previous) {
                previous = productIds[i];
                current = byProduct.computeIfAbsent(previous, p -> new Rows());
            }
            current.count++;
        }
        for (Rows r : byProduct.values()) {
            r.rows = new int[r.count];
            r.count = 0;
        }
        previous = null;
        for (int i = 0; i < size; i++) {
            if (productIds[i] != previous) {
                previous = productIds[i];
                current = byProduct.get(previous);
            }
            current.rows[current.count++] = i;
        }
        Map<String, int[]> rows = new HashMap<>(byProduct.size() * 2);
        byProduct.forEach((product, r) -> rows.put(product, r.rows));
        return new ProductRows(rows);
    }

    /** Ascending row numbers of the product; empty when the table has none. */
    int[] of(String productId) {
        return rows.getOrDefault(productId, NONE);
    }
}
