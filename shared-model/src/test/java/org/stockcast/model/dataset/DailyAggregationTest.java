package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockcast.model.master.MasterDataset;

class DailyAggregationTest {
    private static final LocalDate D0 = LocalDate.of(2025, 8, 1);

    private static SalesTableBuilder rows(String product, String category, int fromDay, int toDay, double sales) {
        SalesTableBuilder b = SalesTable.builder();
        add(b, product, category, fromDay, toDay, sales);
        return b;
    }

    private static void add(SalesTableBuilder b, String product, String category, int fromDay, int toDay,
                            double sales) {
        for (int d = fromDay; d <= toDay; d++) {
            b.add(D0.plusDays(d), product, sales, category, null, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    @Test
    void aTotalEndsWhereItsActiveMembersReportsEndSoNewProductsDoNotPullItToZero() {
        SalesTableBuilder b = rows("A", "X", 0, 59, 10);
        add(b, "B", "X", 0, 59, 20);
        add(b, "NEW", "Y", 63, 65, 300); // three days after everyone else's last day

        DailySeries total = b.build().dailySeries(SalesFilter.ALL, SeriesRules.DEFAULT).orElseThrow();

        assertThat(total.start()).isEqualTo(D0);
        assertThat(total.end()).isEqualTo(D0.plusDays(59));
        assertThat(total.values()).containsOnly(30.0);
    }

    @Test
    void aDiscontinuedProductDoesNotHoldTheAggregateBack() {
        SalesTableBuilder b = rows("OLD", "X", 0, 20, 5);
        add(b, "A", "X", 0, 80, 10);

        DailySeries total = b.build().dailySeries(SalesFilter.category("X"), SeriesRules.DEFAULT).orElseThrow();

        assertThat(total.end()).isEqualTo(D0.plusDays(80));
        assertThat(total.values()[20]).isEqualTo(15);
        assertThat(total.values()[21]).isEqualTo(10); // OLD stopped: 0 from then on
    }

    @Test
    void absentDaysAreZeroByDefaultAndMissingWhenConfigured() {
        SalesTableBuilder b = SalesTable.builder();
        b.add(D0, "A", 4);
        b.add(D0.plusDays(3), "A", 6);
        SalesTable table = b.build();

        assertThat(table.dailySeries(SalesFilter.product("A"), SeriesRules.DEFAULT).orElseThrow().values())
                .containsExactly(4, 0, 0, 6);
        assertThat(table.dailySeries(SalesFilter.product("A"), SeriesRules.of(AbsentDays.MISSING)).orElseThrow()
                .values()).containsExactly(4, Double.NaN, Double.NaN, 6);
    }

    @Test
    void anExplicitMissingValueMakesThatDayOfTheAggregateMissing() {
        SalesTableBuilder b = rows("A", "X", 0, 4, 1);
        b.add(D0.plusDays(0), "B", 2);
        b.add(D0.plusDays(1), "B", Double.NaN);
        b.add(D0.plusDays(4), "B", 2);
        SalesTable table = b.build();

        assertThat(table.dailySeries(SalesFilter.ALL, SeriesRules.DEFAULT).orElseThrow().values())
                .containsExactly(3, Double.NaN, 1, 1, 3);
        assertThat(table.dailySeries(SalesFilter.ALL, SeriesRules.of(AbsentDays.MISSING)).orElseThrow().values())
                .containsExactly(3, Double.NaN, Double.NaN, Double.NaN, 3);
        assertThat(table.dailySeries(SalesFilter.product("nope"), SeriesRules.DEFAULT)).isEmpty();
    }

    @Test
    void aMemberWithNoValueAtAllDoesNotCountAndAloneIsAllMissing() {
        SalesTableBuilder b = rows("A", "X", 0, 4, 1);
        add(b, "UNKNOWN", "X", 0, 9, Double.NaN);
        SalesTable table = b.build();

        assertThat(table.dailySeries(SalesFilter.ALL, SeriesRules.DEFAULT).orElseThrow().values())
                .containsExactly(1, 1, 1, 1, 1);
        DailySeries unknown = table.dailySeries(SalesFilter.product("UNKNOWN"), SeriesRules.DEFAULT).orElseThrow();
        assertThat(unknown.length()).isEqualTo(10);
        assertThat(unknown.values()).containsOnly(Double.NaN);
    }

    @Test
    void aProductIsOneMemberAcrossMergedUploads() {
        SalesTable master = rows(new String("A"), "X", 0, 9, 1).build();
        SalesTableBuilder upload = rows(new String("A"), "X", 10, 12, 1);
        add(upload, "B", "X", 0, 12, 1);

        SalesTable merged = MasterDataset.merge(master, upload.build()).merged();
        DailySeries total = merged.dailySeries(SalesFilter.ALL, SeriesRules.of(AbsentDays.MISSING)).orElseThrow();

        assertThat(total.end()).isEqualTo(D0.plusDays(12));
        assertThat(total.values()).containsOnly(2.0);
    }

    @Test
    void oneProductIsItsOwnSpanAsBefore() {
        SalesTable table = rows("A", "X", 0, 9, 7).build();

        assertThat(table.dailySeries(SalesFilter.product("A"), SeriesRules.DEFAULT).orElseThrow().values())
                .containsExactly(table.dailySeries(SalesFilter.product("A")).orElseThrow().values());
    }
}
