package org.stockcast.forecastservice.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.forecastservice.MutableClock;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.ensemble.ModelVersionFiles;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.ensemble.TestVersions;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.version.VersionFiles;

class ModelWatcherTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static EnsembleModel model;

    @TempDir
    Path root;
    private ModelStore store;
    private MutableClock clock;
    private SimpleMeterRegistry registry;
    private ModelWatcher watcher;

    @BeforeAll
    static void buildModel() {
        model = TestVersions.build(TestVersions.table(TestVersions.syntheticCsv(2, 60, LocalDate.of(2025, 3, 31), 1)));
    }

    @BeforeEach
    void setUp() {
        store = new ModelStore(root.resolve("models"), 5);
        clock = new MutableClock(T0);
        registry = new SimpleMeterRegistry();
        watcher = newWatcher(task -> { });
    }

    private ModelWatcher newWatcher(Executor warmUp) {
        return new ModelWatcher(store, clock, registry, warmUp);
    }

    private int publish() throws IOException {
        return TestVersions.publish(store, model);
    }

    private int served() {
        return watcher.current().orElseThrow().version();
    }

    private double failures(String reason) {
        var counter = registry.find("model.load.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double reloads() {
        return registry.get("model.reloads").counter().count();
    }

    @Test
    void emptyStoreServesNothingAndNeverUnloads() throws IOException {
        watcher.pollOnce();
        assertThat(watcher.current()).isEmpty();
        assertThat(registry.get("model.version").gauge().value()).isNaN();

        int v1 = publish();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);

        deleteTree(store.versionDir(v1));
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(watcher.current().orElseThrow().model().forecast(SalesFilter.ALL, 3)).isPresent();
    }

    @Test
    void newValidVersionIsSwappedIn() throws IOException {
        int v1 = publish();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(watcher.current().orElseThrow().loadedAt()).isEqualTo(T0);

        clock.advance(Duration.ofSeconds(2));
        watcher.pollOnce();
        assertThat(reloads()).isEqualTo(1);

        int v2 = publish();
        watcher.pollOnce();
        LoadedEnsemble loaded = watcher.current().orElseThrow();
        assertThat(loaded.version()).isEqualTo(v2).isGreaterThan(v1);
        assertThat(loaded.loadedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(loaded.manifest().version()).isEqualTo(v2);
        assertThat(reloads()).isEqualTo(2);
        assertThat(registry.get("model.version").gauge().value()).isEqualTo(v2);

        clock.set(loaded.manifest().createdAt().plusSeconds(90));
        assertThat(registry.get("model.age.seconds").gauge().value()).isCloseTo(90, within(0.01));
    }

    @Test
    void partialVersionWithoutManifestIsSkippedUntilItsManifestAppears() throws IOException {
        int v1 = publish();
        watcher.pollOnce();
        Path partial = store.versionDir(v1 + 1);
        Files.createDirectories(partial);
        ModelVersionFiles.write(model, partial);

        watcher.pollOnce();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(failures("missing_manifest")).isEqualTo(1);
        assertThat(watcher.lastReloadError()).hasValueSatisfying(e -> assertThat(e).contains("version " + (v1 + 1)));

        // The writer finishes: same directory, manifest now present (copied from a complete version of it).
        int complete = TestVersions.publish(new ModelStore(root.resolve("elsewhere"), 5), model);
        Path source = root.resolve("elsewhere").resolve(Integer.toString(complete));
        deleteTree(partial);
        copyTree(source, partial);
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1 + 1);
        assertThat(watcher.lastReloadError()).isEmpty();
    }

    @Test
    void wrongChecksumIsSkippedCountedOnceAndOldModelKeepsServing() throws IOException {
        int v1 = publish();
        watcher.pollOnce();
        int v2 = publish();
        flipLastByte(store.versionDir(v2).resolve(ModelVersionFiles.ADDITIVE));

        watcher.pollOnce();
        watcher.pollOnce();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(failures("checksum_mismatch")).isEqualTo(1);
        assertThat(reloads()).isEqualTo(1);
    }

    @Test
    void extraFileIsSkipped() throws IOException {
        int v1 = publish();
        watcher.pollOnce();
        int v2 = publish();
        Files.writeString(store.versionDir(v2).resolve("notes.txt"), "not part of the version");
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(failures("extra_file")).isEqualTo(1);
    }

    @Test
    void truncatedLstmZipListedInTheManifestFailsToLoad() throws IOException {
        int v1 = publish();
        watcher.pollOnce();
        // The writer itself produced a broken zip: sizes and hashes match, loading does not.
        int v2 = store.publish(dir -> {
            ModelVersionFiles.write(model, dir);
            Path zip = dir.resolve(ModelVersionFiles.LSTM);
            try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
                file.setLength(file.length() / 2);
            }
        }, model.dataset().size(), null, Map.of());
        assertThat(store.verify(v2).ok()).isTrue();

        watcher.pollOnce();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(failures(ModelWatcher.LOAD_ERROR)).isEqualTo(1);
    }

    @Test
    void lstmZipTruncatedAfterPublishIsASizeMismatch() throws IOException {
        int v1 = publish();
        watcher.pollOnce();
        int v2 = publish();
        try (RandomAccessFile file = new RandomAccessFile(
                store.versionDir(v2).resolve(ModelVersionFiles.LSTM).toFile(), "rw")) {
            file.setLength(file.length() - 100);
        }
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(failures("size_mismatch")).isEqualTo(1);
    }

    @Test
    void removingTheNewestVersionRollsBack() throws IOException {
        int v1 = publish();
        int v2 = publish();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v2);

        deleteTree(store.versionDir(v2));
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(reloads()).isEqualTo(2);
    }

    @Test
    void rollbackSkipsBadOlderVersions() throws IOException {
        int v1 = publish();
        int v2 = publish();
        int v3 = publish();
        Files.delete(store.versionDir(v2).resolve(ModelVersionFiles.ENSEMBLE));
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v3);

        deleteTree(store.versionDir(v3));
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        assertThat(failures("missing_file")).isEqualTo(1);
    }

    @Test
    void newestVersionWinsEvenWhenOlderOnesAreNew() throws IOException {
        publish();
        publish();
        int v3 = publish();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v3);
        assertThat(reloads()).isEqualTo(1);
    }

    @Test
    void warmUpPrecomputesEveryPrecomputedSeries() throws IOException {
        watcher = newWatcher(Runnable::run);
        publish();
        watcher.pollOnce();
        EnsembleModel served = watcher.current().orElseThrow().model();
        assertThat(served.isCached(SalesFilter.product("P1"))).isTrue();
        assertThat(served.isCached(SalesFilter.category("B"))).isTrue();
        assertThat(served.isCached(SalesFilter.region("North"))).isTrue();
        assertThat(served.isCached(new SalesFilter("P1", null, "North", null, null, null))).isFalse();
    }

    @Test
    void theSwapDoesNotWaitForTheWarmUpWhichThenFillsTheCacheInTheBackground() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // every warm-up task waits for the latch: the swap must be visible before any of them ran
            watcher = newWatcher(task -> pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }));
            int v1 = publish();

            watcher.pollOnce();

            assertThat(served()).isEqualTo(v1);
            EnsembleModel served = watcher.current().orElseThrow().model();
            List<SalesFilter> precomputed = served.additiveModels().keySet().stream().map(SeriesKey::filter)
                    .flatMap(java.util.Optional::stream).toList();
            // only the total, which the load's smoke test forecasts before the swap
            assertThat(precomputed).hasSizeGreaterThan(1).filteredOn(f -> !f.equals(SalesFilter.ALL))
                    .noneMatch(served::isCached);
            release.countDown();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(precomputed)
                    .allMatch(served::isCached));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void flipLastByte(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 2);
            int b = raf.read();
            raf.seek(raf.length() - 2);
            raf.write(b ^ 0x01);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** What the retrain service publishes now: the dataset as links to the master's month partitions. */
    @Test
    void servesVersionsWhoseDatasetIsTheMastersPartitionsAsOfEachVersion() throws IOException {
        MasterDataset master = new MasterDataset(root.resolve("data"));
        master.write(model.dataset());
        int v1 = store.publish(dir -> VersionFiles.write(model, EnsembleWeights.Mode.FIXED, Optional.empty(), master,
                dir), model.dataset().size(), null, Map.of());
        assertThat(store.versionDir(v1).resolve(ModelVersionFiles.DATASET)).doesNotExist();
        watcher.pollOnce();
        assertThat(served()).isEqualTo(v1);
        int rows = watcher.current().orElseThrow().model().dataset().size();
        assertThat(rows).isEqualTo(model.dataset().size());

        SalesTableBuilder day = SalesTable.builder();
        String product = model.dataset().productIds().get(0);
        day.add(model.dataset().lastDate().orElseThrow().plusDays(1), product, 5);
        SalesTable next = MasterDataset.merge(master.load(), day.build()).merged();
        master.write(next);
        EnsembleModel nextModel = new EnsembleModel(next, model.additiveModels(), model.lstm(), model.weights(),
                model.additiveConfig(), model.calibration(), model.seriesRules());
        int v2 = store.publish(dir -> VersionFiles.write(nextModel, EnsembleWeights.Mode.FIXED, Optional.empty(),
                master, dir), next.size(), null, Map.of());
        watcher.pollOnce();

        assertThat(served()).isEqualTo(v2);
        EnsembleModel loaded = watcher.current().orElseThrow().model();
        assertThat(loaded.dataset().size()).isEqualTo(rows + 1);
        assertThat(loaded.dataset().lastDate()).isEqualTo(next.lastDate());
        assertThat(loaded.forecast(SalesFilter.product(product), 3)).isPresent();
    }
}
