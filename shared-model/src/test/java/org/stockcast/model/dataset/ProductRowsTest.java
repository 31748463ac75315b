package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProductRowsTest {
    private static final LocalDate D0 = LocalDate.of(2025, 1, 1);

    @Test
    void eachProductGetsItsOwnRowsInTableOrderWhateverTheRowOrder() {
        String[] ids = {"A", "B", "A", "A", "C", "B", new String("A")};

        ProductRows rows = ProductRows.of(ids, ids.length);

        assertThat(rows.of("A")).containsExactly(0, 2, 3, 6);
        assertThat(rows.of("B")).containsExactly(1, 5);
        assertThat(rows.of("C")).containsExactly(4);
        assertThat(rows.of("D")).isEmpty();
    }

    /** The indexed queries give what a scan of only that product's rows gives, also combined with other fields. */
    @Test
    void productSeriesAreThoseOfATableHoldingOnlyThatProduct() {
        SplittableRandom random = new SplittableRandom(7);
        SalesTableBuilder all = SalesTable.builder();
        SalesTableBuilder onlyP2 = SalesTable.builder();
        for (int day = 0; day < 90; day++) {
            for (int p = 0; p < 5; p++) {
                if (random.nextInt(10) == 0) {
                    continue; // absent day
                }
                double sales = random.nextInt(6) == 0 ? Double.NaN : random.nextInt(20);
                String category = p % 2 == 0 ? "even" : "odd";
                String region = random.nextBoolean() ? "north" : "south";
                double price = random.nextInt(10);
                all.add(D0.plusDays(day), "P" + p, sales, category, region, price, Double.NaN, Double.NaN);
                if (p == 2) {
                    onlyP2.add(D0.plusDays(day), "P2", sales, category, region, price, Double.NaN, Double.NaN);
                }
            }
        }
        SalesTable table = all.build();
        SalesTable reference = onlyP2.build();

        SalesFilter[] filters = {SalesFilter.product("P2"), new SalesFilter("P2", "even", "north", null, 5.0, null),
                new SalesFilter("P2", "odd", null, null, null, null)};
        for (SalesFilter filter : filters) {
            for (SeriesRules rules : new SeriesRules[] {SeriesRules.DEFAULT, SeriesRules.of(AbsentDays.MISSING)}) {
                assertSameSeries(table.dailySeries(filter, rules), reference.dailySeries(filter, rules));
            }
            assertSameSeries(table.dailySeries(filter), reference.dailySeries(filter));
        }
        double[] missingDays = table.dailySeries(SalesFilter.product("P2"), SeriesRules.of(AbsentDays.MISSING))
                .orElseThrow().values();
        assertThat(missingDays.length).isGreaterThan(80);
        assertThat(java.util.Arrays.stream(missingDays).anyMatch(Double::isNaN)).isTrue();
        assertThat(table.dailySeries(filters[2], SeriesRules.DEFAULT)).isEmpty();
        assertThat(table.dailySeries(SalesFilter.product("P9"))).isEmpty();
    }

    private static void assertSameSeries(Optional<DailySeries> actual, Optional<DailySeries> expected) {
        assertThat(actual.isPresent()).isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.get().start()).isEqualTo(expected.get().start());
            assertThat(actual.get().values()).containsExactly(expected.get().values());
        }
    }
}
