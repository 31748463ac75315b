package org.stockcast.model.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stockcast.model.dataset.MergeResult;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.TestData;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.model.ingest.IngestLimits;

/**
 * Nothing is lost: a bad upload leaves every file byte-identical, and a write that fails or whose JVM is killed at
 * any step leaves a loadable version that is entirely the old one (before the commit) or the new one (after it).
 */
class MasterDatasetCrashTest {
    @TempDir
    Path dir;

    private MasterDataset master;
    private List<String> oldBackupRows;
    private List<String> oldRows;
    private List<String> newRows;
    private Map<String, byte[]> before;

    @BeforeEach
    void writeTwoVersions() throws IOException {
        master = new MasterDataset(dir);
        master.write(TestData.ingest(TestData.seed("sample_dataset_P023_P024_fixed.csv")));
        // The bundled default: 28 months, about what a shop uploads in a few years.
        master.write(TestData.ingest(TestData.bundledMaster()));
        SalesTable old = master.load();
        oldBackupRows = MasterFiles.rows(master.loadBackup());
        oldRows = MasterFiles.rows(old);
        newRows = MasterFiles.rows(CrashingWriter.next(old));
        before = MasterFiles.snapshot(dir);
    }

    private static boolean committed(WriteStep step) {
        return step.compareTo(WriteStep.COMMITTED) >= 0;
    }

    /** After the failed write: old or new, entirely; a complete backup; the next write leaves no leftover. */
    private void assertOldOrNewVersionAndCleanAfterTheNextWrite(WriteStep step) throws IOException {
        SalesTable loaded = new MasterDataset(dir).load();
        assertThat(MasterFiles.rows(loaded)).isEqualTo(committed(step) ? newRows : oldRows);
        assertThat(MasterFiles.rows(new MasterDataset(dir).loadBackup()))
                .isIn(oldBackupRows, committed(step) ? oldRows : oldBackupRows);
        if (!committed(step)) {
            assertThat(MasterFiles.same(MasterFiles.snapshot(dir), before))
                    .as("only leftovers next to the untouched files").isFalse();
            assertThat(MasterFiles.snapshot(dir)).containsAllEntriesOf(before);
        }

        MasterDataset next = new MasterDataset(dir);
        next.write(SalesTable.builder().add(LocalDate.of(2031, 1, 1), "NEXT", 2).build());
        assertThat(MasterFiles.names(next.partitionDir()))
                .containsExactlyInAnyOrderElementsOf(MasterFiles.namedByBothIndexes(next));
        assertThat(MasterFiles.rows(next.loadBackup())).isEqualTo(committed(step) ? newRows : oldRows);
        assertThat(next.load().productIds()).containsExactly("NEXT");
    }

    @Test
    void badUploadLeavesTheMasterByteIdentical() throws IOException {
        String bad = "date,product_id,sales\n2025-09-01,P021,12\n2025-09-02,P021,-3\n";

        assertThatThrownBy(() -> master.importCsv(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                "bad.csv", IngestLimits.DEFAULTS))
                .isInstanceOf(CsvRejectedException.class)
                .hasMessageContaining("bad.csv");

        assertThat(MasterFiles.same(MasterFiles.snapshot(dir), before)).isTrue();
    }

    @Test
    void widePharmaUploadLeavesTheMasterByteIdentical() throws IOException {
        try (InputStream in = Files.newInputStream(TestData.pharma())) {
            assertThatThrownBy(() -> master.importCsv(in, "pharma-salesdaily.csv", IngestLimits.DEFAULTS))
                    .isInstanceOf(CsvRejectedException.class);
        }

        assertThat(MasterFiles.same(MasterFiles.snapshot(dir), before)).isTrue();
    }

    @Test
    void goodUploadIsMergedAndThePreviousVersionBecomesTheBackup() throws IOException {
        String upload = "date,product_id,sales,promo\n2031-01-01,P900,7,yes\n";

        MergeResult result = master.importCsv(new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8)),
                "good.csv", IngestLimits.DEFAULTS);

        assertThat(result.rowsAdded()).isEqualTo(1);
        assertThat(MasterFiles.rows(master.loadBackup())).isEqualTo(oldRows);
        SalesTable reloaded = new MasterDataset(dir).load();
        assertThat(reloaded.size()).isEqualTo(result.rowsTotal());
        assertThat(reloaded.extraColumns()).endsWith("promo");
        int last = reloaded.size() - 1;
        assertThat(reloaded.productId(last)).as("the latest month is the last partition").isEqualTo("P900");
        assertThat(reloaded.extra("promo", last)).isEqualTo("yes");
    }

    @ParameterizedTest
    @EnumSource(WriteStep.class)
    void failureAtEveryStepLeavesTheOldOrTheNewVersionNeverAMix(WriteStep step) throws IOException {
        SalesTable next = CrashingWriter.next(master.load());

        assertThatThrownBy(() -> master.write(next, at -> {
            if (at == step) {
                throw new IllegalStateException("disk unplugged at " + at);
            }
        })).hasMessage("disk unplugged at " + step);

        assertOldOrNewVersionAndCleanAfterTheNextWrite(step);
    }

    @ParameterizedTest
    @EnumSource(WriteStep.class)
    void realCrashOfAnotherJvmAtEveryStepLeavesTheOldOrTheNewVersionNeverAMix(WriteStep step) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString(), step.name())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(CrashingWriter.EXIT_CODE);

        assertOldOrNewVersionAndCleanAfterTheNextWrite(step);
    }

    @Test
    void leftoverTempAndPartitionFilesAreNeverLoadedAndTheNextWriteDeletesThem() throws IOException {
        Path partitions = master.partitionDir();
        Files.writeString(partitions.resolve(".index.json.123.tmp"), "{\"format\":1,\"partitions\":[]}");
        Files.writeString(partitions.resolve("2099-01.0123456789abcdef.csv"), "date,sales\n2099-01-01,1\n");
        Files.writeString(partitions.resolve(".2099-01.0123456789abcdef.csv.456.tmp"), "garbage");

        assertThat(MasterFiles.rows(new MasterDataset(dir).load())).isEqualTo(oldRows);

        master.write(CrashingWriter.next(master.load()));
        assertThat(MasterFiles.names(partitions))
                .containsExactlyInAnyOrderElementsOf(MasterFiles.namedByBothIndexes(master));
    }
}
