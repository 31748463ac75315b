package org.stockcast.forecastservice.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.stockcast.forecastservice.InventoryProperties;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.TestVersions;
import org.stockcast.model.store.ModelStore;

/** The schedule itself: the first poll at start-up, and a publish noticed at once (file events), not at the tick. */
class ModelWatchScheduleTest {

    @TempDir
    Path root;

    @Test
    void publishIsPickedUpByFileEventsLongBeforeTheNextTick() throws Exception {
        Path models = Files.createDirectories(root.resolve("models"));
        ModelStore store = new ModelStore(models, 5);
        EnsembleModel model = TestVersions.build(
                TestVersions.table(TestVersions.syntheticCsv(1, 40, LocalDate.of(2025, 1, 31), 5)));
        int first = TestVersions.publish(store, model);

        ModelWatcher watcher = new ModelWatcher(store, Clock.systemUTC(), new SimpleMeterRegistry(), task -> { });
        InventoryProperties properties = new InventoryProperties(root.resolve("data"), models,
                new InventoryProperties.Watch(Duration.ofHours(1), 0), new InventoryProperties.Stock(0.95, 5, 7));
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        ModelWatchSchedule schedule = new ModelWatchSchedule(watcher, scheduler, properties);
        try {
            schedule.start();
            awaitVersion(watcher, first);

            int second = TestVersions.publish(store, model);
            awaitVersion(watcher, second);
        } finally {
            schedule.stop();
            scheduler.shutdown();
        }
        assertThat(schedule.isRunning()).isFalse();
    }

    /**
     * Removing the store directory invalidates its watch; each such watch service must be closed, or every
     * remove-and-recreate of the directory leaks an inotify descriptor and a JDK "FileSystemWatchService" thread.
     */
    @Test
    void removingAndRecreatingTheStoreDirectoryLeaksNoWatchService() throws Exception {
        Path models = root.resolve("models");
        ModelWatcher watcher = new ModelWatcher(new ModelStore(models, 5), Clock.systemUTC(),
                new SimpleMeterRegistry(), task -> { });
        InventoryProperties properties = new InventoryProperties(root.resolve("data"), models,
                new InventoryProperties.Watch(Duration.ofMillis(20), 0), new InventoryProperties.Stock(0.95, 5, 7));
        long before = watcherThreads();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        ModelWatchSchedule schedule = new ModelWatchSchedule(watcher, scheduler, properties);
        try {
            schedule.start();
            for (int cycle = 0; cycle < 3; cycle++) {
                Files.createDirectories(models);
                await("events relayed for the store directory", () -> relayThreads() == 1);
                Files.delete(models);
                await("relay ended after the directory went", () -> relayThreads() == 0);
            }
        } finally {
            schedule.stop();
            scheduler.shutdown();
        }
        await("no FileSystemWatchService thread left beyond the " + before + " there were before",
                () -> watcherThreads() <= before);
    }

    private static long relayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("model-dir-events")).count();
    }

    private static long watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("FileSystemWatchService")).count();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitVersion(ModelWatcher watcher, int version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (watcher.current().map(LoadedEnsemble::version).orElse(0) != version) {
            assertThat(System.nanoTime()).as("version %d served within 30 s (poll interval is 1 h)", version)
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
