package org.stockcast.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelStoreTest {

    @TempDir
    Path root;

    private static ModelStore.VersionWriter files(String... nameAndContent) {
        return dir -> {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                Path file = dir.resolve(nameAndContent[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, nameAndContent[i + 1]);
            }
        };
    }

    private ModelStore store(int keep) {
        return new ModelStore(root.resolve("models"), keep);
    }

    @Test
    void emptyOrMissingStoreHasNoVersions() throws IOException {
        assertThat(store(5).versions()).isEmpty();
        Files.createDirectories(root.resolve("models"));
        assertThat(store(5).versions()).isEmpty();
    }

    @Test
    void versionsAreNumericDirectoriesNewestFirst() throws IOException {
        Path models = Files.createDirectories(root.resolve("models"));
        for (String name : List.of("1", "10", "2", ".tmp-abc", "007", "x3", "-4", "+5")) {
            Files.createDirectories(models.resolve(name));
        }
        Files.writeString(models.resolve("9"), "a file, not a version");
        assertThat(store(5).versions()).containsExactly(10, 2, 1);
    }

    @Test
    void publishNumbersVersionsAndWritesManifestAsApiMdSays() throws IOException {
        ModelStore store = store(5);
        int first = store.publish(files("a.txt", "alpha", "sub/b.txt", "beta"), 123, LocalDate.of(2025, 9, 30),
                Map.of("mape", 12.5, "rows", 7));
        int second = store.publish(files("a.txt", "alpha2"), 124, null, Map.of());
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(store.versions()).containsExactly(2, 1);

        JsonNode json = JsonMapper.builder().build().readTree(
                Files.readString(store.versionDir(1).resolve("manifest.json")));
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(Instant.parse(json.get("created_at").asString()))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(json.get("trained_on_rows").asLong()).isEqualTo(123);
        assertThat(json.get("last_training_date").asString()).isEqualTo("2025-09-30");
        assertThat(json.get("files").get("a.txt").get("size").asLong()).isEqualTo(5);
        assertThat(json.get("files").get("a.txt").get("sha256").asString())
                .isEqualTo(Checksums.sha256("alpha".getBytes(StandardCharsets.UTF_8)));
        assertThat(json.get("files").has("sub/b.txt")).isTrue();
        assertThat(json.get("metrics").get("mape").asDouble()).isEqualTo(12.5);

        Manifest manifest = store.readManifest(1).orElseThrow();
        assertThat(manifest.version()).isEqualTo(1);
        assertThat(manifest.trainedOnRows()).isEqualTo(123);
        assertThat(manifest.lastTrainingDate()).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(manifest.files()).containsOnlyKeys("a.txt", "sub/b.txt");
        assertThat(store.verify(1).ok()).isTrue();
        assertThat(store.verify(2).ok()).isTrue();
        assertThat(store.verify(2).manifest()).isPresent();
        assertThat(noTempLeft()).isTrue();
    }

    @Test
    void nextNumberIsMaxPlusOneEvenAfterGaps() throws IOException {
        ModelStore store = store(5);
        Files.createDirectories(store.versionDir(41));
        assertThat(store.publish(files("a", "1"), 1, null, Map.of())).isEqualTo(42);
    }

    @Test
    void pruneKeepsNewestAndRemovesStaleTemps() throws IOException {
        ModelStore store = store(2);
        Path models = Files.createDirectories(root.resolve("models"));
        Path stale = Files.createDirectories(models.resolve(".tmp-dead"));
        Files.writeString(stale.resolve("x"), "x");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(ModelStore.STALE_TEMP_AGE).minusSeconds(60)));
        Path young = Files.createDirectories(models.resolve(".tmp-busy"));
        for (int i = 0; i < 4; i++) {
            store.publish(files("a", "v" + i), i, null, Map.of());
        }
        assertThat(store.versions()).containsExactly(4, 3);
        assertThat(stale).doesNotExist();
        assertThat(young).exists();
    }

    @Test
    void failingWriterLeavesNothingBehind() throws IOException {
        ModelStore store = store(5);
        assertThatThrownBy(() -> store.publish(dir -> {
            Files.writeString(dir.resolve("a"), "half");
            throw new IOException("disk full");
        }, 1, null, Map.of())).hasMessage("disk full");
        assertThat(store.versions()).isEmpty();
        assertThat(noTempLeft()).isTrue();
        assertThatThrownBy(() -> store.publish(dir -> { }, 1, null, Map.of())).hasMessageContaining("no files");
        assertThatThrownBy(() -> store.publish(files("manifest.json", "{}"), 1, null, Map.of()))
                .hasMessageContaining("manifest.json");
        assertThat(store.versions()).isEmpty();
    }

    @Test
    void verifyRejectsMissingManifest() throws IOException {
        ModelStore store = store(5);
        Files.createDirectories(store.versionDir(3));
        Files.writeString(store.versionDir(3).resolve("a"), "x");
        VersionCheck check = store.verify(3);
        assertThat(check.failure()).isEqualTo(VersionCheck.Failure.MISSING_MANIFEST);
        assertThat(check.ok()).isFalse();
        assertThat(store.verify(99).failure()).isEqualTo(VersionCheck.Failure.MISSING_MANIFEST);
    }

    @Test
    void verifyRejectsUnreadableManifest() throws IOException {
        ModelStore store = store(5);
        int v = store.publish(files("a", "x"), 1, null, Map.of());
        Files.writeString(store.versionDir(v).resolve("manifest.json"), "{\"version\": 1, \"files\": ");
        assertThat(store.verify(v).failure()).isEqualTo(VersionCheck.Failure.UNREADABLE_MANIFEST);
        Files.writeString(store.versionDir(v).resolve("manifest.json"), "{\"version\": 1, \"files\": {}}");
        assertThat(store.verify(v).failure()).isEqualTo(VersionCheck.Failure.UNREADABLE_MANIFEST);
        Files.writeString(store.versionDir(v).resolve("manifest.json"),
                "{\"version\": 1, \"files\": {\"../a\": {\"size\": 1, \"sha256\": \"00\"}}}");
        assertThat(store.verify(v).failure()).isEqualTo(VersionCheck.Failure.UNREADABLE_MANIFEST);
        assertThat(store.readManifest(v)).isPresent();
        Files.writeString(store.versionDir(v).resolve("manifest.json"), "not json");
        assertThat(store.readManifest(v)).isEmpty();
    }

    /**
     * The directory name is the version number; the manifest's own {@code version} is informational. A complete
     * version moved under another number (a writer's rename, an operator restoring a copy) still verifies.
     */
    @Test
    void verifyTakesTheVersionFromTheDirectoryNameNotTheManifest() throws IOException {
        ModelStore store = store(5);
        int v = store.publish(files("a", "x"), 1, null, Map.of());
        Files.move(store.versionDir(v), store.versionDir(v + 6));
        VersionCheck check = store.verify(v + 6);
        assertThat(check.ok()).as(check.detail()).isTrue();
        assertThat(check.version()).isEqualTo(v + 6);
        assertThat(check.manifest().orElseThrow().version()).isEqualTo(v);
    }

    @Test
    void verifyRejectsMissingFile() throws IOException {
        ModelStore store = store(5);
        int v = store.publish(files("a", "x", "b", "y"), 1, null, Map.of());
        Files.delete(store.versionDir(v).resolve("b"));
        VersionCheck check = store.verify(v);
        assertThat(check.failure()).isEqualTo(VersionCheck.Failure.MISSING_FILE);
        assertThat(check.detail()).contains("b");
    }

    @Test
    void verifyRejectsSizeMismatch() throws IOException {
        ModelStore store = store(5);
        int v = store.publish(files("a", "0123456789"), 1, null, Map.of());
        Files.writeString(store.versionDir(v).resolve("a"), "01234");
        assertThat(store.verify(v).failure()).isEqualTo(VersionCheck.Failure.SIZE_MISMATCH);
    }

    @Test
    void verifyRejectsSameSizeDifferentContent() throws IOException {
        ModelStore store = store(5);
        int v = store.publish(files("a", "0123456789"), 1, null, Map.of());
        Files.writeString(store.versionDir(v).resolve("a"), "0123456780");
        VersionCheck check = store.verify(v);
        assertThat(check.failure()).isEqualTo(VersionCheck.Failure.CHECKSUM_MISMATCH);
        assertThat(check.manifest()).isPresent();
    }

    @Test
    void verifyRejectsExtraFileEvenHiddenOrNested() throws IOException {
        ModelStore store = store(5);
        int v = store.publish(files("a", "x"), 1, null, Map.of());
        Files.writeString(store.versionDir(v).resolve(".hidden"), "x");
        assertThat(store.verify(v).failure()).isEqualTo(VersionCheck.Failure.EXTRA_FILE);
        Files.delete(store.versionDir(v).resolve(".hidden"));
        assertThat(store.verify(v).ok()).isTrue();
        Files.createDirectories(store.versionDir(v).resolve("deep"));
        Files.writeString(store.versionDir(v).resolve("deep/z"), "x");
        VersionCheck check = store.verify(v);
        assertThat(check.failure()).isEqualTo(VersionCheck.Failure.EXTRA_FILE);
        assertThat(check.detail()).contains("deep/z");
    }

    @Test
    void fingerprintChangesWhenManifestIsRewritten() throws IOException {
        ModelStore store = store(5);
        Files.createDirectories(store.versionDir(1));
        assertThat(store.manifestFingerprint(1)).isEqualTo("absent");
        int v = store.publish(files("a", "x"), 1, null, Map.of());
        String before = store.manifestFingerprint(v);
        Files.writeString(store.versionDir(v).resolve("manifest.json"),
                Files.readString(store.versionDir(v).resolve("manifest.json")) + " ");
        assertThat(store.manifestFingerprint(v)).isNotEqualTo(before).isNotEqualTo("absent");
    }

    @Test
    void concurrentPublishersGetDistinctNumbers() throws Exception {
        ModelStore store = store(20);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.Set<Integer> numbers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 4; i++) {
            int n = i;
            Thread thread = new Thread(() -> {
                try {
                    numbers.add(store.publish(files("a", "t" + n), n, null, Map.of()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);
        for (int v : numbers) {
            assertThat(store.verify(v).ok()).as("version %d", v).isTrue();
        }
    }

    private boolean noTempLeft() throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve("models"))) {
            return entries.noneMatch(p -> p.getFileName().toString().startsWith("."));
        }
    }

    /** Dataset partitions hard-linked into several versions are hashed once; a replaced file is hashed again. */
    @Test
    void sharedDatasetFilesVerifyInEveryVersionAndAReplacedOneIsCaught() throws IOException {
        ModelStore store = store(5);
        Path partition = Files.writeString(root.resolve("2024-01.0123456789abcdef.csv"), "date,sales\n2024-01-01,1\n");
        ModelStore.VersionWriter linking = dir -> {
            Files.createDirectories(dir.resolve("dataset"));
            Files.createLink(dir.resolve("dataset/2024-01.0123456789abcdef.csv"), partition);
            Files.writeString(dir.resolve("a.json"), "{}");
        };
        int v1 = store.publish(linking, 1, LocalDate.of(2024, 1, 1), Map.of());
        int v2 = store.publish(linking, 1, LocalDate.of(2024, 1, 1), Map.of());
        assertThat(store.verify(v1).ok()).isTrue();
        assertThat(store.verify(v2).ok()).isTrue();
        assertThat(new ModelStore(root.resolve("models"), 5).verify(v2).ok()).isTrue();

        Path linked = store.versionDir(v2).resolve("dataset/2024-01.0123456789abcdef.csv");
        Files.delete(linked);
        Files.writeString(linked, "date,sales\n2024-01-01,7\n"); // same size, another file

        assertThat(store.verify(v2).failure()).isEqualTo(VersionCheck.Failure.CHECKSUM_MISMATCH);
        assertThat(store.verify(v1).ok()).isTrue();
    }
}
