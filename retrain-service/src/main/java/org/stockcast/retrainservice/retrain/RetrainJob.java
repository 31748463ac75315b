package org.stockcast.retrainservice.retrain;

import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One retrain run and its append-only event log, a replay sink. The pipeline appends; any number of SSE clients
 * read from any position, so a client that connects late, reconnects or leaves never affects the job.
 * <p>
 * The job thread only hands each event to {@code publisher} (one worker of a bounded scheduler, so events keep
 * their order); the fan-out to the subscribers runs there. A subscriber without demand is simply not delivered to: it keeps its place in the
 * shared replay buffer and catches up when it asks for more, so a slow client costs neither the job nor the
 * other clients anything, and needs no buffer of its own.
 */
public final class RetrainJob {
    private final String id;
    private final JobKind kind;
    private final Instant createdAt;
    private final Sinks.Many<JobEvent> live = Sinks.many().replay().all();
    private final Scheduler.Worker publisher;
    private long eventCount;
    private Stage stage;
    private JobStatus status = JobStatus.RUNNING;
    private Instant finishedAt;
    private RetrainResult result;
    private String errorMessage;

    RetrainJob(String id, JobKind kind, Instant createdAt, Scheduler publisher) {
        this.id = id;
        this.kind = kind;
        this.createdAt = createdAt;
        this.publisher = publisher.createWorker();
    }

    public String id() {
        return id;
    }

    public JobKind kind() {
        return kind;
    }

    synchronized void progress(ProgressEvent event) {
        stage = event.stage();
        append(EventType.PROGRESS, event);
    }

    synchronized void succeed(RetrainResult outcome, Instant at) {
        result = outcome;
        finish(JobStatus.SUCCESS, at);
        append(EventType.RESULT, outcome);
    }

    synchronized void fail(String message, Instant at) {
        errorMessage = message;
        finish(JobStatus.ERROR, at);
        append(EventType.ERROR, new RetrainError(id, JobStatus.ERROR, message));
    }

    private void finish(JobStatus finalStatus, Instant at) {
        if (status != JobStatus.RUNNING) {
            throw new IllegalStateException("Job " + id + " already finished");
        }
        status = finalStatus;
        finishedAt = at;
    }

    private void append(EventType type, Object data) {
        JobEvent event = new JobEvent(++eventCount, type, data);
        publisher.schedule(() -> publish(event));
    }

    /** Runs on the publisher worker only, one event at a time: the sink needs serialised emission. */
    private void publish(JobEvent event) {
        live.emitNext(event, Sinks.EmitFailureHandler.FAIL_FAST);
        if (event.type().isFinal()) {
            live.emitComplete(Sinks.EmitFailureHandler.FAIL_FAST);
        }
    }

    public synchronized boolean finished() {
        return status != JobStatus.RUNNING;
    }

    public synchronized JobStatus status() {
        return status;
    }

    /**
     * The events with an id above {@code lastEventId}, live: replayed from the shared log, then as they happen;
     * completes after the final event.
     */
    public Flux<JobEvent> events(long lastEventId) {
        return live.asFlux().filter(event -> event.id() > lastEventId);
    }

    public synchronized JobView view() {
        return new JobView(id, kind, status, Optional.ofNullable(stage).orElse(Stage.VALIDATE), createdAt,
                finishedAt, eventsPath(id), (int) eventCount, result, errorMessage);
    }

    public static String eventsPath(String jobId) {
        return "/retrain/jobs/" + jobId + "/events";
    }
}
