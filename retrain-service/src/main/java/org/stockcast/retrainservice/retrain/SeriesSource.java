package org.stockcast.retrainservice.retrain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;
import org.stockcast.model.dataset.SeriesRules;

/**
 * Daily series of a table for stages that build one per product: a product's series depends only on its own rows
 * (DailyAggregation), so the table is split by product in one pass and each product's series is built from its own
 * rows. {@link SalesTable#dailySeries} scans every row, which for a thousand products of three years each is a
 * thousand passes over a million rows per stage. Other filters go to the whole table. Thread-safe.
 */
final class SeriesSource {
    private final SalesTable table;
    private final SeriesRules rules;
    private final Map<String, SalesTable> products;

    private SeriesSource(SalesTable table, SeriesRules rules, Map<String, SalesTable> products) {
        this.table = table;
        this.rules = rules;
        this.products = products;
    }

    static SeriesSource of(SalesTable table, SeriesRules rules) {
        Map<String, SalesTableBuilder> builders = new HashMap<>();
        for (int row = 0; row < table.size(); row++) {
            builders.computeIfAbsent(table.productId(row), id -> SalesTable.builder())
                    .addEpochDay(table.epochDay(row), table.productId(row), table.sales(row), null, null, Double.NaN,
                            Double.NaN, Double.NaN);
        }
        Map<String, SalesTable> products = new HashMap<>();
        builders.forEach((id, builder) -> products.put(id, builder.build()));
        return new SeriesSource(table, rules, products);
    }

    Optional<DailySeries> dailySeries(SalesFilter filter) {
        if (filter.productId() != null && filter.equals(SalesFilter.product(filter.productId()))) {
            SalesTable own = products.get(filter.productId());
            return own == null ? Optional.empty() : own.dailySeries(filter, rules);
        }
        return table.dailySeries(filter, rules);
    }
}
