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
                new InventoryProperties.Watch(Duration.ofHours(1)), new InventoryProperties.Stock(0.95, 5, 7));
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

    private static void awaitVersion(ModelWatcher watcher, int version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (watcher.current().map(LoadedEnsemble::version).orElse(0) != version) {
            assertThat(System.nanoTime()).as("version %d served within 30 s (poll interval is 1 h)", version)
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
