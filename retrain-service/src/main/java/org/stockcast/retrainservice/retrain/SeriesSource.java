package org.stockcast.retrainservice.retrain;

import java.util.Optional;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;

/**
 * Daily series of a table under the retrain's series rules, for the stages that build one per product. A product's
 * series visits only its own rows (the table's product index, built once and shared by every stage of the job);
 * this used to split the table into per-product copies in each stage, three copies of 11M rows per upload for
 * 10,000 products x 3 years. Thread-safe.
 */
final class SeriesSource {
    private final SalesTable table;
    private final SeriesRules rules;

    private SeriesSource(SalesTable table, SeriesRules rules) {
        this.table = table;
        this.rules = rules;
    }

    static SeriesSource of(SalesTable table, SeriesRules rules) {
        return new SeriesSource(table, rules);
    }

    Optional<DailySeries> dailySeries(SalesFilter filter) {
        return table.dailySeries(filter, rules);
    }
}
