package org.stockcast.model.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stockcast.model.master.MasterDataset;

/** Merge against a straightforward reference implementation on random tables, duplicates included. */
class SalesTableMergeTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    private record Row(LocalDate date, String product, double sales, String region, String note) {
        String key() {
            return date + "|" + product;
        }
    }

    private static List<Row> randomRows(SplittableRandom random, int count, int days, String noteColumn) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row(START.plusDays(random.nextInt(days)), "P" + random.nextInt(6), random.nextInt(1000),
                    random.nextBoolean() ? "North" : null, noteColumn == null ? null : "n" + i));
        }
        return rows;
    }

    private static SalesTable table(List<Row> rows, String noteColumn) {
        SalesTableBuilder builder = SalesTable.builder();
        if (noteColumn != null) {
            builder.extraColumn(noteColumn);
        }
        for (Row row : rows) {
            builder.add(row.date(), row.product(), row.sales(), null, row.region(), Double.NaN, Double.NaN,
                    Double.NaN);
            if (noteColumn != null) {
                builder.extra(noteColumn, row.note());
            }
        }
        return builder.build();
    }

    /** Reference: master rows in order (later duplicates of a replaced key dropped), then new upload keys. */
    private static Map<String, Row> reference(List<Row> master, List<Row> upload) {
        Map<String, Row> lastUpload = new LinkedHashMap<>();
        for (Row row : upload) {
            lastUpload.put(row.key(), row);
        }
        Map<String, Row> result = new LinkedHashMap<>();
        List<Row> kept = new ArrayList<>();
        for (Row row : master) {
            Row replacement = lastUpload.get(row.key());
            kept.add(replacement == null ? row : replacement);
        }
        Map<String, Row> merged = new LinkedHashMap<>();
        int index = 0;
        for (Row row : kept) {
            merged.putIfAbsent(lastUpload.containsKey(row.key()) ? row.key() : "m" + index++ + row.key(), row);
        }
        for (Map.Entry<String, Row> entry : lastUpload.entrySet()) {
            merged.putIfAbsent(entry.getKey(), entry.getValue());
        }
        result.putAll(merged);
        return result;
    }

    @Test
    void matchesTheReferenceOnRandomTables() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            boolean masterDuplicates = round % 2 == 0;
            List<Row> master = randomRows(random, random.nextInt(0, 60), masterDuplicates ? 8 : 40, "views");
            if (!masterDuplicates) {
                Map<String, Row> unique = new LinkedHashMap<>();
                master.forEach(row -> unique.putIfAbsent(row.key(), row));
                master = new ArrayList<>(unique.values());
            }
            List<Row> upload = randomRows(random, random.nextInt(0, 30), 12, "note");

            MergeResult result = MasterDataset.merge(table(master, "views"), table(upload, "note"));
            List<Row> expected = new ArrayList<>(reference(master, upload).values());

            SalesTable merged = result.merged();
            assertThat(merged.size()).as("round %d", round).isEqualTo(expected.size());
            assertThat(merged.extraColumns()).containsExactly("views", "note");
            long distinctUploadKeys = upload.stream().map(Row::key).distinct().count();
            assertThat(result.rowsAdded() + result.rowsUpdated()).isEqualTo(distinctUploadKeys);
            assertThat(result.rowsUploaded()).isEqualTo(upload.size());
            for (int i = 0; i < expected.size(); i++) {
                Row row = expected.get(i);
                assertThat(merged.date(i)).isEqualTo(row.date());
                assertThat(merged.productId(i)).isEqualTo(row.product());
                assertThat(merged.sales(i)).as("round %d row %d", round, i).isEqualTo(row.sales());
                assertThat(merged.region(i)).isEqualTo(row.region());
                boolean fromUpload = upload.contains(row) && !master.contains(row);
                assertThat(merged.extra("note", i)).isEqualTo(fromUpload ? row.note() : null);
            }
        }
    }

    @Test
    void duplicatesInsideOneUploadLaterRowWins() {
        SalesTable upload = SalesTable.builder()
                .add(START, "P1", 1)
                .add(START, "P1", 2)
                .add(START.plusDays(1), "P1", 3)
                .add(START, "P1", 4)
                .build();

        MergeResult result = MasterDataset.merge(SalesTable.empty(), upload);

        assertThat(result.rowsUploaded()).isEqualTo(4);
        assertThat(result.rowsAdded()).isEqualTo(2);
        assertThat(result.rowsUpdated()).isZero();
        assertThat(result.merged().dailySeries(SalesFilter.ALL).orElseThrow().values()).containsExactly(4.0, 3.0);
    }

    @Test
    void duplicateKeysInTheMasterCollapseIntoTheUploadedRow() {
        SalesTable master = SalesTable.builder()
                .add(START, "P1", 1)
                .add(START.plusDays(1), "P1", 2)
                .add(START, "P1", 5)
                .build();
        SalesTable upload = SalesTable.builder().add(START, "P1", 9).build();

        MergeResult result = MasterDataset.merge(master, upload);

        assertThat(result.rowsUpdated()).isEqualTo(1);
        assertThat(result.merged().size()).isEqualTo(2);
        assertThat(result.merged().sales(0)).isEqualTo(9.0);
        assertThat(result.merged().sales(1)).isEqualTo(2.0);
    }

    @Test
    void mergingIntoAnEmptyMasterAndMergingNothing() {
        SalesTable rows = SalesTable.builder().add(START, "P1", 1).extra("x", "y").build();

        assertThat(MasterDataset.merge(SalesTable.empty(), SalesTable.empty()).merged().size()).isZero();
        MergeResult nothing = MasterDataset.merge(rows, SalesTable.empty());
        assertThat(nothing.merged().size()).isEqualTo(1);
        assertThat(nothing.merged().extra("x", 0)).isEqualTo("y");
        assertThat(nothing.rowsAdded() + nothing.rowsUpdated()).isZero();
    }

    @Test
    void sameProductIdOnOtherDatesIsNotAClash() {
        SalesTable master = SalesTable.builder().add(START, "P1", 1).add(START, "P2", 2).build();
        SalesTable upload = SalesTable.builder().add(START.plusDays(1), "P1", 3).add(START, "P3", 4).build();

        MergeResult result = MasterDataset.merge(master, upload);

        assertThat(result.rowsAdded()).isEqualTo(2);
        assertThat(result.rowsUpdated()).isZero();
        assertThat(result.merged().size()).isEqualTo(4);
    }

    @Test
    void extraColumnsDifferingOnlyInCaseAreOneColumnNamedAsInTheMaster() {
        SalesTable master = SalesTable.builder().add(START, "P1", 1).extra("profit", "10").build();
        SalesTable upload = SalesTable.builder().add(START.plusDays(1), "P1", 2).extra("Profit", "20")
                .extra("views", "7").build();

        SalesTable merged = MasterDataset.merge(master, upload).merged();

        assertThat(merged.extraColumns()).containsExactly("profit", "views");
        assertThat(merged.extra("profit", 0)).isEqualTo("10");
        assertThat(merged.extra("profit", 1)).isEqualTo("20");
        assertThat(merged.extra("views", 0)).isNull();
        assertThat(merged.extra("views", 1)).isEqualTo("7");
    }
}
