package org.stockcast.forecastservice.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.stockcast.forecastservice.InventoryProperties;

/**
 * Polls the store every {@code inventory.watch.poll-interval}, first thing at start-up. Where the file system
 * reports changes (inotify on Linux) a version renamed into place or removed also triggers a poll at once, so a
 * swap does not wait for the next tick; the timed poll stays as the guarantee (volumes without events, missed
 * events, a store directory created later).
 */
@Component
class ModelWatchSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ModelWatchSchedule.class);

    private final ModelWatcher watcher;
    private final TaskScheduler scheduler;
    private final InventoryProperties properties;
    private volatile ScheduledFuture<?> task;
    private volatile WatchService events;

    ModelWatchSchedule(ModelWatcher watcher, TaskScheduler scheduler, InventoryProperties properties) {
        this.watcher = watcher;
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void start() {
        log.info("Watching {} every {}", properties.modelDir().toAbsolutePath(), properties.watch().pollInterval());
        task = scheduler.scheduleWithFixedDelay(this::tick, properties.watch().pollInterval());
    }

    private void tick() {
        if (events == null) {
            listenForChanges();
        }
        pollSafely();
    }

    private void pollSafely() {
        try {
            watcher.pollOnce();
        } catch (RuntimeException | Error e) {
            // A failed poll must not cancel the schedule: the next one may succeed.
            log.error("Model poll failed", e);
        }
    }

    private synchronized void listenForChanges() {
        Path dir = properties.modelDir();
        if (events != null || !Files.isDirectory(dir)) {
            return;
        }
        try {
            WatchService service = dir.getFileSystem().newWatchService();
            dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            events = service;
            Thread thread = new Thread(() -> relay(service), "model-dir-events");
            thread.setDaemon(true);
            thread.start();
        } catch (IOException | UnsupportedOperationException e) {
            log.info("No file change events for {} ({}); polling only", dir, e.toString());
        }
    }

    private void relay(WatchService service) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean versionChanged = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    // Temp and pending-delete directories start with a dot; numbered names are versions.
                    Object name = event.context();
                    versionChanged |= event.kind() == StandardWatchEventKinds.OVERFLOW
                            || name != null && name.toString().chars().allMatch(Character::isDigit);
                }
                if (!key.reset()) {
                    events = null;
                    return;
                }
                if (versionChanged) {
                    scheduler.schedule(this::pollSafely, Instant.now());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // Stopped.
        }
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        task = null;
        WatchService service = events;
        events = null;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                log.debug("Closing the watch service: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
