package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * Streams a job's event log to one SSE client from a given position: replay, then live events, heartbeat
 * comments while nothing happens, and completion after the final event. Each client has its own pump thread,
 * so a slow or vanished client only ever stalls itself.
 */
@Component
public class EventStreams implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final int MAX_CLIENTS = 64;

    private final Duration heartbeat;
    private final ThreadPoolExecutor pumps;
    private final Semaphore slots = new Semaphore(MAX_CLIENTS);

    EventStreams(InventoryProperties properties) {
        this.heartbeat = properties.retrain().heartbeat();
        AtomicInteger counter = new AtomicInteger();
        this.pumps = new ThreadPoolExecutor(0, MAX_CLIENTS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "retrain-sse-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Takes a stream slot before anything irreversible happens (POST /retrain reserves, then starts the job), so
     * at the limit the client gets 503 and no job is started behind its back.
     *
     * @throws TooManyStreamsException when {@value #MAX_CLIENTS} clients are already streaming
     */
    public Slot reserve() {
        if (!slots.tryAcquire()) {
            throw new TooManyStreamsException(MAX_CLIENTS);
        }
        return new Slot();
    }

    /** Reserves and streams at once (GET of an existing job's events). */
    public SseEmitter stream(RetrainJob job, long lastEventId) {
        return reserve().stream(job, lastEventId);
    }

    /** A reserved pump: used once by {@link #stream}, or given back with {@link #close()} if the job never starts. */
    public final class Slot implements AutoCloseable {
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Slot() {
        }

        public SseEmitter stream(RetrainJob job, long lastEventId) {
            if (!held.get()) {
                throw new IllegalStateException("stream slot already used or released");
            }
            // No async timeout: the final event ends the stream, heartbeats detect clients that left.
            SseEmitter emitter = new SseEmitter(0L);
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onCompletion(() -> gone.set(true));
            emitter.onTimeout(() -> gone.set(true));
            emitter.onError(e -> gone.set(true));
            try {
                pumps.execute(() -> {
                    try {
                        pump(job, lastEventId, emitter, gone);
                    } finally {
                        close();
                    }
                });
            } catch (RejectedExecutionException e) {
                // Only at shutdown: the semaphore keeps the pool below its maximum.
                close();
                throw new TooManyStreamsException(MAX_CLIENTS, job.id());
            }
            return emitter;
        }

        /** Gives the slot back; idempotent. */
        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }

    /** Free slots (for tests and metrics). */
    public int available() {
        return slots.availablePermits();
    }

    private void pump(RetrainJob job, long lastEventId, SseEmitter emitter, AtomicBoolean gone) {
        long cursor = lastEventId;
        try {
            while (!gone.get()) {
                List<JobEvent> events = job.awaitEventsAfter(cursor, heartbeat);
                if (events.isEmpty()) {
                    if (job.finished()) {
                        break;
                    }
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    continue;
                }
                for (JobEvent event : events) {
                    emitter.send(SseEmitter.event()
                            .id(Long.toString(event.id()))
                            .name(event.type().wireName())
                            .data(event.data(), MediaType.APPLICATION_JSON));
                    cursor = event.id();
                    if (event.type().isFinal()) {
                        emitter.complete();
                        return;
                    }
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the container already closed the response); the job carries on.
            log.debug("SSE client of job {} left after event {}: {}", job.id(), cursor, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    @Override
    public void destroy() {
        pumps.shutdownNow();
    }
}
