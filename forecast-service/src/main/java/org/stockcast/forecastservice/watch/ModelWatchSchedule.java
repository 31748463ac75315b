package org.stockcast.forecastservice.watch;

import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.stockcast.forecastservice.InventoryProperties;

/** Polls the store every {@code inventory.watch.poll-interval}, first thing at start-up. */
@Component
class ModelWatchSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ModelWatchSchedule.class);

    private final ModelWatcher watcher;
    private final TaskScheduler scheduler;
    private final InventoryProperties properties;
    private volatile ScheduledFuture<?> task;

    ModelWatchSchedule(ModelWatcher watcher, TaskScheduler scheduler, InventoryProperties properties) {
        this.watcher = watcher;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void start() {
        log.info("Watching {} every {}", properties.modelDir().toAbsolutePath(), properties.watch().pollInterval());
        task = scheduler.scheduleWithFixedDelay(this::pollSafely, properties.watch().pollInterval());
    }

    private void pollSafely() {
        try {
            watcher.pollOnce();
        } catch (RuntimeException | Error e) {
            // A failed poll must not cancel the schedule: the next one may succeed.
            log.error("Model poll failed", e);
        }
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        task = null;
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
