package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.AbsentDays;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.retrainservice.support.SeedData;

class SeriesSourceTest {

    @Test
    void everySeriesEqualsTheWholeTablesUnderEitherAbsentDaysRule() throws Exception {
        // a gap (no row on 2025-09-03) and an explicit missing value for P030, a product the master lacks
        String extra = "2025-09-02,P030,Groceries,East,100,5,4.2,\n2025-09-04,P030,Groceries,East,100,5,4.2,140\n"
                + "2025-09-01,P099,Groceries,West,100,5,4.2,7\n";
        SalesTable table = CsvIngest.read(new ByteArrayInputStream((SeedData.masterCsv() + extra)
                .getBytes(StandardCharsets.UTF_8)), "t.csv", IngestLimits.DEFAULTS);
        List<SalesFilter> filters = new java.util.ArrayList<>(List.of(SalesFilter.ALL,
                SalesFilter.category("Groceries"), SalesFilter.region("West"), SalesFilter.product("nope")));
        table.productIds().forEach(id -> filters.add(SalesFilter.product(id)));

        for (AbsentDays absent : AbsentDays.values()) {
            SeriesRules rules = new SeriesRules(absent, 28);
            SeriesSource source = SeriesSource.of(table, rules);
            for (SalesFilter filter : filters) {
                var expected = table.dailySeries(filter, rules);
                var actual = source.dailySeries(filter);
                assertThat(actual.map(DailySeries::start)).as(filter + " " + absent)
                        .isEqualTo(expected.map(DailySeries::start));
                assertThat(actual.map(DailySeries::values).orElse(new double[0])).as(filter + " " + absent)
                        .containsExactly(expected.map(DailySeries::values).orElse(new double[0]));
            }
        }
    }
}
