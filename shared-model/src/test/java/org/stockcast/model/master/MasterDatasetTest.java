package org.stockcast.model.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.dataset.MergeResult;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.TestData;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.model.ingest.IngestLimits;

class MasterDatasetTest {
    @TempDir
    Path dir;

    private static SalesTable csv(String name, String text) throws IOException {
        return CsvIngest.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name,
                IngestLimits.DEFAULTS);
    }

    @Test
    void missingDirectoryOrFileLoadsAsEmpty() throws IOException {
        assertThat(new MasterDataset(dir.resolve("does-not-exist")).load().size()).isZero();
        assertThat(new MasterDataset(dir).load().size()).isZero();
    }

    @Test
    void writeThenLoadRoundTripsEveryColumn() throws IOException {
        SalesTable table = TestData.ingest(TestData.seed("large_dataset.csv"));
        MasterDataset master = new MasterDataset(dir.resolve("data"));

        master.write(table);
        SalesTable loaded = master.load();

        assertThat(loaded.size()).isEqualTo(table.size());
        assertThat(loaded.extraColumns()).isEqualTo(table.extraColumns());
        for (int i = 0; i < table.size(); i += 97) {
            assertThat(loaded.date(i)).isEqualTo(table.date(i));
            assertThat(loaded.productId(i)).isEqualTo(table.productId(i));
            assertThat(loaded.sales(i)).isEqualTo(table.sales(i));
            assertThat(loaded.category(i)).isEqualTo(table.category(i));
            assertThat(loaded.region(i)).isEqualTo(table.region(i));
            assertThat(loaded.price(i)).isEqualTo(table.price(i));
            assertThat(loaded.discount(i)).isEqualTo(table.discount(i));
            assertThat(loaded.rating(i)).isEqualTo(table.rating(i));
            for (String column : table.extraColumns()) {
                assertThat(loaded.extra(column, i)).isEqualTo(table.extra(column, i));
            }
        }
        // Each month is a CSV file in the upload format with the extra columns that have a value in that month.
        assertThat(Files.readString(MasterFiles.partition(master, "2024-01"))).startsWith(
                "date,product_id,sales,category,region,price,discount,rating,views,clicks\n"
                        + "2024-01-01,P017,54,A,South,66.9,2.85,4,3046.0,34.0\n");
        assertThat(Files.readString(MasterFiles.partition(master, "2025-09")))
                .startsWith("date,product_id,sales,category,region,price,discount,rating,views,clicks,profit\n");
    }

    @Test
    void p021AndP022UploadIsAddedToAMasterWithoutThem() {
        SalesTable master = TestData.ingest(TestData.seed("sample_dataset_P023_P024_fixed.csv"));
        SalesTable upload = TestData.ingest(TestData.seed("sample_dataset_P021_P022.csv"));

        MergeResult result = MasterDataset.merge(master, upload);

        assertThat(result.rowsUploaded()).isEqualTo(6);
        assertThat(result.rowsAdded()).isEqualTo(6);
        assertThat(result.rowsUpdated()).isZero();
        assertThat(result.rowsTotal()).isEqualTo(master.size() + 6);
        SalesTable merged = result.merged();
        assertThat(merged.productIds()).containsExactly("P021", "P022", "P023", "P024");
        assertThat(merged.extraColumns()).containsExactly("profit");
        assertThat(merged.dailySeries(SalesFilter.product("P021")).orElseThrow().values())
                .containsExactly(320.0, 350.0, 400.0);
        assertThat(merged.dailySeries(SalesFilter.product("P023")).orElseThrow().values())
                .containsExactly(master.dailySeries(SalesFilter.product("P023")).orElseThrow().values());
        int last = merged.size() - 1;
        assertThat(merged.productId(last)).isEqualTo("P022");
        assertThat(merged.extra("profit", last)).isEqualTo("105000");
    }

    @Test
    void p021AndP022ReuploadReplacesTheirRowsInTheLargeDataset() {
        // large_dataset.csv already holds these six (date, product) rows, with profit as 120000.0 etc.
        SalesTable master = TestData.ingest(TestData.seed("large_dataset.csv"));
        SalesTable upload = TestData.ingest(TestData.seed("sample_dataset_P021_P022.csv"));

        MergeResult result = MasterDataset.merge(master, upload);

        assertThat(result.rowsAdded()).isZero();
        assertThat(result.rowsUpdated()).isEqualTo(6);
        assertThat(result.rowsTotal()).isEqualTo(master.size());
        SalesTable merged = result.merged();
        assertThat(merged.extraColumns()).containsExactly("views", "clicks", "ProductID", "profit");
        int row = indexOf(merged, LocalDate.of(2025, 9, 3), "P022");
        assertThat(row).isEqualTo(indexOf(master, LocalDate.of(2025, 9, 3), "P022")).as("replaced in place");
        assertThat(master.extra("profit", row)).isEqualTo("105000.0");
        assertThat(merged.extra("profit", row)).isEqualTo("105000");
        assertThat(merged.sales(row)).isEqualTo(350.0);
    }

    private static int indexOf(SalesTable table, LocalDate date, String product) {
        for (int i = 0; i < table.size(); i++) {
            if (table.date(i).equals(date) && table.productId(i).equals(product)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void clashingRowsAreReplacedInPlaceAndExtraColumnsOfBothKept() throws IOException {
        SalesTable master = csv("master.csv", """
                date,product_id,sales,region,views
                2025-09-01,P1,10,North,100
                2025-09-02,P1,11,North,101
                2025-09-01,P2,20,South,200
                """);
        SalesTable upload = csv("upload.csv", """
                product_id,date,sales,Profit
                P1,2025-09-02,99,9.5
                P3,2025-09-01,5,1.0
                """);

        MergeResult result = MasterDataset.merge(master, upload);

        assertThat(result.rowsAdded()).isEqualTo(1);
        assertThat(result.rowsUpdated()).isEqualTo(1);
        SalesTable merged = result.merged();
        assertThat(merged.size()).isEqualTo(4);
        assertThat(merged.extraColumns()).containsExactly("views", "Profit");
        assertThat(merged.productId(1)).isEqualTo("P1");
        assertThat(merged.sales(1)).isEqualTo(99.0);
        assertThat(merged.region(1)).as("the uploaded row wins entirely").isNull();
        assertThat(merged.extra("views", 1)).isNull();
        assertThat(merged.extra("Profit", 1)).isEqualTo("9.5");
        assertThat(merged.extra("views", 2)).isEqualTo("200");
        assertThat(merged.productId(3)).isEqualTo("P3");
        assertThat(merged.date(3)).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    void writeKeepsThePreviousVersionAsBackupAndDeletesOlderPartitions() throws IOException {
        MasterDataset master = new MasterDataset(dir);
        SalesTable first = csv("a.csv", "date,sales\n2025-01-01,1\n2025-02-01,1\n");
        SalesTable second = csv("b.csv", "date,sales\n2025-01-01,2\n2025-02-01,1\n");
        SalesTable third = csv("c.csv", "date,sales\n2025-01-01,3\n2025-02-01,1\n");

        master.write(first);
        assertThat(master.backupIndexFile()).doesNotExist();
        assertThat(master.loadBackup().size()).isZero();
        master.write(second);
        assertThat(master.loadBackup().sales(0)).isEqualTo(1.0);
        MasterWrite write = master.write(third);

        assertThat(write.partitionsWritten()).isEqualTo(1);
        assertThat(write.partitionsKept()).isEqualTo(1);
        assertThat(master.load().sales(0)).isEqualTo(3.0);
        assertThat(master.loadBackup().sales(0)).isEqualTo(2.0);
        // The first version's January is named by neither index any more: deleted.
        assertThat(MasterFiles.names(master.partitionDir())).containsExactlyInAnyOrderElementsOf(
                MasterFiles.namedByBothIndexes(master));
        assertThat(MasterFiles.names(master.partitionDir())).hasSize(5); // 2 indexes, 2 Januaries, 1 February
        assertThat(MasterFiles.names(dir)).containsExactly("master");
    }

    @Test
    void copyingTheBackupIndexOverTheIndexRestoresThePreviousVersion() throws IOException {
        MasterDataset master = new MasterDataset(dir);
        master.write(csv("a.csv", "date,product_id,sales\n2025-01-01,P1,1\n2025-02-01,P1,1\n"));
        master.write(csv("b.csv", "date,product_id,sales\n2025-01-01,P1,9\n2025-03-01,P2,5\n"));

        Files.copy(master.backupIndexFile(), master.indexFile(), StandardCopyOption.REPLACE_EXISTING);

        SalesTable restored = new MasterDataset(dir).load();
        assertThat(restored.size()).isEqualTo(2);
        assertThat(restored.sales(0)).isEqualTo(1.0);
        assertThat(restored.productIds()).containsExactly("P1");
    }

    @Test
    void emptyTableWritesAnIndexWithoutPartitionsAndLoadsAsEmpty() throws IOException {
        MasterDataset master = new MasterDataset(dir);

        master.write(SalesTable.empty());

        assertThat(MasterFiles.names(master.partitionDir())).containsExactly("index.json");
        assertThat(master.load().size()).isZero();
    }

    @Test
    void aCorruptMasterFileIsReportedNotTreatedAsEmpty() throws IOException {
        Files.writeString(dir.resolve("master.csv"), "date,sales\n2025-01-01,-5\n");

        assertThatThrownBy(() -> new MasterDataset(dir).load())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("master.csv")
                .hasCauseInstanceOf(CsvRejectedException.class);
    }

    @Test
    void aTruncatedOrMissingPartitionIsReportedWithTheBackupToUse() throws IOException {
        MasterDataset master = new MasterDataset(dir);
        master.write(csv("a.csv", "date,sales\n2025-01-01,1\n2025-02-01,2\n"));
        master.write(csv("b.csv", "date,sales\n2025-01-01,1\n2025-02-01,3\n"));
        Path february = MasterFiles.partition(master, "2025-02");

        Files.writeString(february, "date,sales\n");
        assertThatThrownBy(master::load).isInstanceOf(IOException.class)
                .hasMessageContaining(february.getFileName().toString()).hasMessageContaining("index.json.bak");
        Files.delete(february);
        assertThatThrownBy(master::load).isInstanceOf(IOException.class).hasMessageContaining("missing");
        assertThat(master.loadBackup().sales(1)).isEqualTo(2.0);
    }

    /** The only writer keeps its version loaded; another writer's commit (a changed index.json) is read again. */
    @Test
    void loadReusesTheVersionThisInstanceWroteUntilTheIndexChanges() throws IOException {
        MasterDataset master = new MasterDataset(dir);
        SalesTable first = csv("a.csv", "date,sales\n2025-01-01,1\n2025-02-01,2\n");
        master.write(first);
        assertThat(master.load()).isSameAs(first);
        SalesTable loaded = new MasterDataset(dir).load();
        assertThat(loaded).isNotSameAs(first);
        assertThat(loaded.sales(1)).isEqualTo(2.0);

        new MasterDataset(dir).write(csv("b.csv", "date,sales\n2025-01-01,1\n2025-02-01,5\n"));

        SalesTable reread = master.load();
        assertThat(reread).isNotSameAs(first);
        assertThat(reread.sales(1)).isEqualTo(5.0);
        assertThat(master.load()).isSameAs(reread);
    }
}
