package org.stockcast.retrainservice.retrain;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.stockcast.retrainservice.InventoryProperties;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * A job's event log as one SSE client's stream from a given position: replay, then live events, a heartbeat
 * comment after every quiet heartbeat interval, and completion after the final event. Streams hold no thread:
 * Spring MVC writes each event when the client can take it, so any number of clients share the job's one log.
 */
@Component
public class EventStreams {
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private static final ServerSentEvent<Object> HEARTBEAT = ServerSentEvent.builder().comment("heartbeat").build();

    private final Duration heartbeat;
    private final Scheduler timers;

    EventStreams(InventoryProperties properties, Scheduler eventScheduler) {
        this.heartbeat = properties.retrain().heartbeat();
        this.timers = eventScheduler;
    }

    /** The stream after {@code lastEventId} (0: from the start); the final event ends it. */
    public Flux<ServerSentEvent<Object>> stream(RetrainJob job, long lastEventId) {
        return job.events(lastEventId)
                .publish(events -> Flux.merge(events.map(EventStreams::toSse), heartbeatsWhileQuiet(events)))
                // Nothing after the final event, not even a heartbeat that fired in the same instant.
                .takeUntil(EventStreams::isFinal)
                .doOnCancel(() -> log.debug("SSE client of job {} left; the job carries on", job.id()));
    }

    /** Restarts the heartbeat timer on every event; ends with the events. */
    private Flux<ServerSentEvent<Object>> heartbeatsWhileQuiet(Flux<JobEvent> events) {
        return events.map(JobEvent::id).startWith(0L)
                .switchMap(restart -> Flux.interval(heartbeat, heartbeat, timers)
                        // A client too slow to take them gains nothing from queued heartbeats.
                        .onBackpressureDrop()
                        .map(tick -> HEARTBEAT))
                .takeUntilOther(events.then());
    }

    private static ServerSentEvent<Object> toSse(JobEvent event) {
        return ServerSentEvent.builder(event.data())
                .id(Long.toString(event.id()))
                .event(event.type().wireName())
                .build();
    }

    private static boolean isFinal(ServerSentEvent<Object> sse) {
        return sse.event() != null && EventType.valueOf(sse.event().toUpperCase(Locale.ROOT)).isFinal();
    }
}
