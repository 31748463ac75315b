package org.stockcast.model.ensemble;

import java.util.Optional;
import org.stockcast.model.dataset.SalesFilter;

/**
 * Names of the series whose additive models are precomputed in a version:
 * "total", "product:P021", "category:A", "region:North".
 */
public final class SeriesKey {
    public static final String TOTAL = "total";

    private SeriesKey() {
    }

    public static String product(String id) {
        return "product:" + id;
    }

    public static String category(String name) {
        return "category:" + name;
    }

    public static String region(String name) {
        return "region:" + name;
    }

    /** The precomputed key a filter maps to, or empty when it must be fitted on demand. */
    public static Optional<String> of(SalesFilter filter) {
        throw new UnsupportedOperationException("issue #6");
    }
}
