package org.stockcast.model.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;
import org.stockcast.model.dataset.SalesTableCsv;

/** The monthly layout: a daily upload rewrites its month only; old single-file data dirs keep working. */
class MasterPartitionsTest {
    private static final LocalDate START = LocalDate.of(2024, 11, 1);
    private static final int DAYS = 110; // 2024-11-01 .. 2025-02-18: four months

    @TempDir
    Path dir;

    /** {@code products} products x {@code days} days from {@link #START}. */
    private static SalesTable shop(int products, int days) {
        SalesTableBuilder builder = SalesTable.builder();
        for (int d = 0; d < days; d++) {
            for (int p = 0; p < products; p++) {
                builder.add(START.plusDays(d), "P" + p, (p * 7 + d * 3) % 50, "C" + p % 3, "R" + p % 2,
                        10 + p, Double.NaN, 4.0);
            }
        }
        return builder.build();
    }

    private static SalesTable oneNewDay(int products, LocalDate day, String extra) {
        SalesTableBuilder builder = SalesTable.builder();
        for (int p = 0; p < products; p++) {
            builder.add(day, "P" + p, p, "C" + p % 3, "R" + p % 2, 10 + p, Double.NaN, 4.0);
            if (extra != null) {
                builder.extra(extra, "x" + p);
            }
        }
        return builder.build();
    }

    private Set<String> partitionFiles() throws IOException {
        Set<String> names = new HashSet<>(MasterFiles.names(dir.resolve("master")));
        names.removeIf(name -> !PartitionIndex.isPartitionFile(name));
        return names;
    }

    @Test
    void aOneDayUploadRewritesOnlyItsMonth() throws IOException {
        MasterDataset master = new MasterDataset(dir);
        assertThat(master.write(shop(30, DAYS)).partitionsWritten()).isEqualTo(4);
        Set<String> before = partitionFiles();

        SalesTable current = master.load();
        MasterWrite write = master.write(
                MasterDataset.merge(current, oneNewDay(30, START.plusDays(DAYS), null)).merged());

        assertThat(write.partitionsWritten()).isEqualTo(1);
        assertThat(write.partitionsKept()).isEqualTo(3);
        Set<String> added = partitionFiles();
        added.removeAll(before);
        assertThat(added).singleElement().asString().startsWith("2025-02.");
        assertThat(write.bytesWritten()).isEqualTo(Files.size(dir.resolve("master").resolve(added.iterator().next())));
        assertThat(master.load().size()).isEqualTo(30 * (DAYS + 1));
    }

    @Test
    void withoutTheLoadedTableInMemoryUnchangedMonthsAreFoundByContentAndNotRewritten() throws IOException {
        new MasterDataset(dir).write(shop(30, DAYS));
        SalesTable current = new MasterDataset(dir).load();

        // A fresh instance has no remembered version: it serialises every month and compares content hashes.
        MasterWrite write = new MasterDataset(dir).write(
                MasterDataset.merge(current, oneNewDay(30, START.plusDays(DAYS - 1), null)).merged());

        assertThat(write.partitionsWritten()).isEqualTo(1);
        assertThat(write.partitionsKept()).isEqualTo(3);
    }

    @Test
    void aNewExtraColumnRewritesOnlyTheMonthsThatHaveIt() throws IOException {
        MasterDataset master = new MasterDataset(dir);
        master.write(shop(10, DAYS));

        MasterWrite write = master.write(
                MasterDataset.merge(master.load(), oneNewDay(10, START.plusDays(DAYS), "promo")).merged());

        assertThat(write.partitionsWritten()).isEqualTo(1);
        assertThat(Files.readString(MasterFiles.partition(master, "2024-11"))).doesNotContain("promo");
        SalesTable loaded = new MasterDataset(dir).load();
        assertThat(loaded.extraColumns()).containsExactly("promo");
        assertThat(loaded.extra("promo", 0)).isNull();
        assertThat(loaded.extra("promo", loaded.size() - 1)).isEqualTo("x9");
    }

    @Test
    void aRowChangedInAnOldMonthRewritesThatMonthOnly() throws IOException {
        MasterDataset master = new MasterDataset(dir);
        master.write(shop(10, DAYS));
        SalesTable correction = SalesTable.builder().add(START.plusDays(3), "P4", 999).build();

        MasterWrite write = master.write(MasterDataset.merge(master.load(), correction).merged());

        assertThat(write.partitionsWritten()).isEqualTo(1);
        assertThat(Files.readString(MasterFiles.partition(master, "2024-11"))).contains("2024-11-04,P4,999,");
    }

    @Test
    void aSingleFileDataDirLoadsAsBeforeAndIsConvertedByItsFirstWrite() throws IOException {
        SalesTable old = shop(5, DAYS);
        try (OutputStream out = Files.newOutputStream(dir.resolve("master.csv"))) {
            SalesTableCsv.write(old, out);
        }
        byte[] oldBytes = Files.readAllBytes(dir.resolve("master.csv"));
        MasterDataset master = new MasterDataset(dir);
        assertThat(MasterFiles.rows(master.load())).isEqualTo(MasterFiles.rows(old));

        SalesTable next = MasterDataset.merge(master.load(), oneNewDay(5, START.plusDays(DAYS), null)).merged();
        assertThat(master.write(next).partitionsWritten()).isEqualTo(4);

        assertThat(MasterFiles.names(dir)).containsExactly("master", "master.csv.bak");
        assertThat(Files.readAllBytes(dir.resolve("master.csv.bak"))).isEqualTo(oldBytes);
        assertThat(MasterFiles.rows(new MasterDataset(dir).load())).isEqualTo(MasterFiles.rows(next));
        assertThat(MasterFiles.rows(master.loadBackup())).isEqualTo(MasterFiles.rows(old));

        // Once a partitioned version is the backup, the single-file one is gone.
        master.write(MasterDataset.merge(next, oneNewDay(5, START.plusDays(DAYS + 1), null)).merged());
        assertThat(MasterFiles.names(dir)).containsExactly("master");
        assertThat(MasterFiles.rows(master.loadBackup())).isEqualTo(MasterFiles.rows(next));
    }

    @Test
    void rowsOutOfDateOrderAreStoredMonthByMonthInTableOrderAndLoadTheSame() throws IOException {
        SalesTable mixed = SalesTable.builder()
                .add(LocalDate.of(2025, 3, 9), "B", 1)
                .add(LocalDate.of(2024, 12, 31), "A", 2)
                .add(LocalDate.of(2025, 3, 1), "A", 3)
                .add(LocalDate.of(2025, 1, 1), "A", 4)
                .add(LocalDate.of(2024, 12, 1), "B", 5)
                .build();
        MasterDataset master = new MasterDataset(dir);

        assertThat(master.write(mixed).partitionsWritten()).isEqualTo(3);

        SalesTable loaded = new MasterDataset(dir).load();
        assertThat(loaded.size()).isEqualTo(5);
        double[] sales = new double[5];
        for (int i = 0; i < 5; i++) {
            sales[i] = loaded.sales(i);
        }
        assertThat(sales).containsExactly(2, 5, 4, 1, 3); // December, January, March; table order inside a month
        assertThat(MasterFiles.rows(loaded)).isEqualTo(MasterFiles.rows(mixed));
        // Written again as loaded, nothing changed: no partition is rewritten, with or without the loaded table.
        assertThat(master.write(mixed).partitionsWritten()).isZero();
        assertThat(new MasterDataset(dir).write(loaded).partitionsWritten()).isZero();
    }
}
