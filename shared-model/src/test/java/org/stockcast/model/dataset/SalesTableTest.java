package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SalesTableTest {
    private static final LocalDate D1 = LocalDate.of(2025, 9, 1);

    private static SalesTable sample() {
        return SalesTable.builder()
                .add(D1, "P021", 10, "Electronics", "North", 100, 10, 4.5)
                .add(D1, "P022", 5, "Home", "South", 50, 0, 3.5)
                .add(D1.plusDays(3), "P021", 7, "Electronics", "North", 90, 15, 4.6)
                .add(D1.plusDays(1), "P023", 2, "Electronics", "South", Double.NaN, Double.NaN, Double.NaN)
                .extra("profit", "120")
                .build();
    }

    @Test
    void exposesRowsByColumn() {
        SalesTable table = sample();

        assertThat(table.size()).isEqualTo(4);
        assertThat(table.date(2)).isEqualTo(D1.plusDays(3));
        assertThat(table.productId(1)).isEqualTo("P022");
        assertThat(table.category(0)).isEqualTo("Electronics");
        assertThat(table.region(3)).isEqualTo("South");
        assertThat(table.sales(2)).isEqualTo(7.0);
        assertThat(table.price(3)).isNaN();
        assertThat(table.discount(2)).isEqualTo(15.0);
        assertThat(table.rating(0)).isEqualTo(4.5);
        assertThat(table.extraColumns()).containsExactly("profit");
        assertThat(table.extra("profit", 3)).isEqualTo("120");
        assertThat(table.extra("profit", 0)).isNull();
        assertThat(table.firstDate()).contains(D1);
        assertThat(table.lastDate()).contains(D1.plusDays(3));
        assertThat(table.productIds()).containsExactly("P021", "P022", "P023");
        assertThat(table.categories()).containsExactly("Electronics", "Home");
        assertThat(table.regions()).containsExactly("North", "South");
    }

    @Test
    void deduplicatesTextValues() {
        SalesTable table = SalesTable.builder()
                .add(D1, new String("P1"), 1, new String("Cat"), new String("North"), 1, 1, 1)
                .add(D1.plusDays(1), new String("P1"), 1, new String("Cat"), new String("North"), 1, 1, 1)
                .build();

        assertThat(table.productId(0)).isSameAs(table.productId(1));
        assertThat(table.category(0)).isSameAs(table.category(1));
        assertThat(table.region(0)).isSameAs(table.region(1));
    }

    @Test
    void emptyTextBecomesNullAndRowIndexIsChecked() {
        SalesTable table = SalesTable.builder().add(D1, "P1", 1, "", "", 1, 1, 1).build();

        assertThat(table.category(0)).isNull();
        assertThat(table.region(0)).isNull();
        assertThatThrownBy(() -> table.sales(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> table.extra("nope", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SalesTable.builder().add(D1, "", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyTableHasNoDatesAndNoSeries() {
        SalesTable empty = SalesTable.empty();

        assertThat(empty.size()).isZero();
        assertThat(empty.lastDate()).isEmpty();
        assertThat(empty.productIds()).isEmpty();
        assertThat(empty.extraColumns()).isEmpty();
        assertThat(empty.dailySeries(SalesFilter.ALL)).isEmpty();
    }

    @Test
    void dailySeriesSumsPerDayAndFillsGapsWithZero() {
        DailySeries all = sample().dailySeries(SalesFilter.ALL).orElseThrow();

        assertThat(all.start()).isEqualTo(D1);
        assertThat(all.values()).containsExactly(15.0, 2.0, 0.0, 7.0);
    }

    @Test
    void dailySeriesSpansOnlyTheMatchingRows() {
        SalesTable table = sample();

        DailySeries p021 = table.dailySeries(SalesFilter.product("P021")).orElseThrow();
        assertThat(p021.start()).isEqualTo(D1);
        assertThat(p021.values()).containsExactly(10.0, 0.0, 0.0, 7.0);

        DailySeries south = table.dailySeries(SalesFilter.region("South")).orElseThrow();
        assertThat(south.start()).isEqualTo(D1);
        assertThat(south.values()).containsExactly(5.0, 2.0);

        DailySeries p023 = table.dailySeries(SalesFilter.product("P023")).orElseThrow();
        assertThat(p023.start()).isEqualTo(D1.plusDays(1));
        assertThat(p023.values()).containsExactly(2.0);
    }

    @Test
    void numericBoundsNeverMatchMissingValues() {
        SalesTable table = sample();

        assertThat(table.dailySeries(new SalesFilter(null, null, null, 4.0, null, null)).orElseThrow().values())
                .containsExactly(10.0, 0.0, 0.0, 7.0);
        assertThat(table.dailySeries(new SalesFilter(null, null, null, null, 60.0, null)).orElseThrow().values())
                .containsExactly(5.0);
        assertThat(table.dailySeries(new SalesFilter(null, null, null, null, null, 10.0)).orElseThrow().values())
                .containsExactly(10.0, 0.0, 0.0, 7.0);
        assertThat(IntStream.range(0, table.size()).filter(table.matcher(new SalesFilter(null, null, null, 0.0, null,
                null)))).hasSize(3);
    }

    @Test
    void combinedFiltersAndNoMatch() {
        SalesTable table = sample();

        assertThat(table.dailySeries(new SalesFilter(null, "Electronics", "South", null, null, null))
                .orElseThrow().values()).containsExactly(2.0);
        assertThat(table.dailySeries(SalesFilter.product("P999"))).isEmpty();
        assertThat(table.dailySeries(new SalesFilter("P021", null, "South", null, null, null))).isEmpty();
        assertThat(table.dailySeries(SalesFilter.category("electronics"))).as("text filters are exact").isEmpty();
    }

    @Test
    void dailySeriesCopesWithAStrayFarAwayDate() {
        SalesTable table = SalesTable.builder()
                .add(D1, "P1", 1)
                .add(D1.plusDays(1), "P1", 2)
                .add(LocalDate.of(2999, 1, 1), "P2", 3)
                .build();

        DailySeries p1 = table.dailySeries(SalesFilter.product("P1")).orElseThrow();
        assertThat(p1.values()).containsExactly(1.0, 2.0);
        DailySeries all = table.dailySeries(SalesFilter.ALL).orElseThrow();
        assertThat(all.end()).isEqualTo(LocalDate.of(2999, 1, 1));
        assertThat(all.values()[0]).isEqualTo(1.0);
    }

    @Test
    void builderGrowsAndKeepsExtraColumnsDeclaredLate() {
        SalesTableBuilder builder = SalesTable.builder(2);
        for (int i = 0; i < 1000; i++) {
            builder.add(D1.plusDays(i), "P1", i);
            if (i == 500) {
                builder.extra("note", "half");
            }
        }
        SalesTable table = builder.build();

        assertThat(table.size()).isEqualTo(1000);
        assertThat(table.sales(999)).isEqualTo(999.0);
        assertThat(table.extra("note", 500)).isEqualTo("half");
        assertThat(table.extra("note", 999)).isNull();
        assertThat(table.dailySeries(SalesFilter.ALL).orElseThrow().length()).isEqualTo(1000);
    }
}
