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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.dataset.MergeResult;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.TestData;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.model.ingest.IngestLimits;

/** Nothing is lost: a failed write, a crashed write or a bad upload leaves master.csv byte-identical. */
class MasterDatasetCrashTest {
    @TempDir
    Path dir;

    private MasterDataset master;
    private byte[] before;
    private byte[] backupBefore;

    @BeforeEach
    void writeAMaster() throws IOException {
        master = new MasterDataset(dir);
        master.write(TestData.ingest(TestData.seed("sample_dataset_P023_P024_fixed.csv")));
        master.write(TestData.ingest(TestData.seed("large_dataset.csv")));
        before = Files.readAllBytes(master.file());
        backupBefore = Files.readAllBytes(master.backupFile());
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void badUploadLeavesTheMasterByteIdentical() throws IOException {
        String bad = "date,product_id,sales\n2025-09-01,P021,12\n2025-09-02,P021,-3\n";

        assertThatThrownBy(() -> master.importCsv(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)),
                "bad.csv", IngestLimits.DEFAULTS))
                .isInstanceOf(CsvRejectedException.class)
                .hasMessageContaining("bad.csv");

        assertThat(Files.readAllBytes(master.file())).isEqualTo(before);
        assertThat(Files.readAllBytes(master.backupFile())).isEqualTo(backupBefore);
        assertThat(fileNames()).containsExactly("master.csv", "master.csv.bak");
    }

    @Test
    void widePharmaUploadLeavesTheMasterByteIdentical() throws IOException {
        try (InputStream in = Files.newInputStream(TestData.pharma())) {
            assertThatThrownBy(() -> master.importCsv(in, "pharma-salesdaily.csv", IngestLimits.DEFAULTS))
                    .isInstanceOf(CsvRejectedException.class);
        }

        assertThat(Files.readAllBytes(master.file())).isEqualTo(before);
    }

    @Test
    void goodUploadIsMergedAndThePreviousVersionBecomesTheBackup() throws IOException {
        String upload = "date,product_id,sales,promo\n2031-01-01,P900,7,yes\n";

        MergeResult result = master.importCsv(new ByteArrayInputStream(upload.getBytes(StandardCharsets.UTF_8)),
                "good.csv", IngestLimits.DEFAULTS);

        assertThat(result.rowsAdded()).isEqualTo(1);
        assertThat(Files.readAllBytes(master.backupFile())).isEqualTo(before);
        SalesTable reloaded = master.load();
        assertThat(reloaded.size()).isEqualTo(result.rowsTotal());
        assertThat(reloaded.extraColumns()).endsWith("promo");
        assertThat(reloaded.extra("promo", reloaded.size() - 1)).isEqualTo("yes");
    }

    @Test
    void failureBetweenTempWriteAndRenameLeavesTheOldDatasetAndNoTempFile() throws IOException {
        SalesTable next = TestData.ingest(TestData.seed("test_upload.csv"));

        assertThatThrownBy(() -> master.write(next, () -> {
            try {
                assertThat(tempFiles()).as("the new version is complete in a temp file").hasSize(1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("disk unplugged");
        })).hasMessage("disk unplugged");

        assertThat(Files.readAllBytes(master.file())).isEqualTo(before);
        assertThat(Files.readAllBytes(master.backupFile())).isEqualTo(backupBefore);
        assertThat(tempFiles()).isEmpty();
        assertThat(master.load().size()).isEqualTo(20_106);
    }

    @Test
    void realCrashOfAnotherJvmBeforeTheRenameLeavesTheOldDatasetIntact() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(CrashingWriter.EXIT_CODE);

        // The crash left the finished temp file behind; master.csv is untouched and load() ignores the leftover.
        List<Path> leftovers = tempFiles();
        assertThat(leftovers).hasSize(1);
        assertThat(Files.readString(leftovers.get(0))).contains("2030-01-01,CRASH,1");
        assertThat(Files.readAllBytes(master.file())).isEqualTo(before);
        assertThat(Files.readAllBytes(master.backupFile())).isEqualTo(backupBefore);
        SalesTable loaded = master.load();
        assertThat(loaded.size()).isEqualTo(20_106);
        assertThat(loaded.productIds()).doesNotContain("CRASH");

        // The next successful write cleans up the leftover and keeps the intact version as the backup.
        master.write(SalesTable.builder().add(LocalDate.of(2031, 1, 1), "NEXT", 2).build());
        assertThat(tempFiles()).isEmpty();
        assertThat(Files.readAllBytes(master.backupFile())).isEqualTo(before);
        assertThat(master.load().productIds()).containsExactly("NEXT");
    }

    @Test
    void leftoverTempFilesAreNeverLoaded() throws IOException {
        Files.writeString(dir.resolve(".master.csv.123.tmp"), "date,sales\n2099-01-01,1\n");
        Files.writeString(dir.resolve(".master.csv.bak.tmp"), "garbage");

        assertThat(Files.readAllBytes(master.file())).isEqualTo(before);
        assertThat(master.load().lastDate()).isEqualTo(TestData.ingest(TestData.seed("large_dataset.csv")).lastDate());
    }
}
