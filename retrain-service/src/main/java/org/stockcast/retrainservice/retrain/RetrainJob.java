package org.stockcast.retrainservice.retrain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One retrain run and its append-only event log. The pipeline appends; any number of SSE clients read from
 * any position, so a client that connects late, reconnects or leaves never affects the job.
 */
public final class RetrainJob {
    private final String id;
    private final JobKind kind;
    private final Instant createdAt;
    private final List<JobEvent> events = new ArrayList<>();
    private Stage stage;
    private JobStatus status = JobStatus.RUNNING;
    private Instant finishedAt;
    private RetrainResult result;
    private String errorMessage;

    RetrainJob(String id, JobKind kind, Instant createdAt) {
        this.id = id;
        this.kind = kind;
        this.createdAt = createdAt;
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
        events.add(new JobEvent(events.size() + 1L, type, data));
        notifyAll();
    }

    public synchronized boolean finished() {
        return status != JobStatus.RUNNING;
    }

    public synchronized JobStatus status() {
        return status;
    }

    /** Events with an id above {@code lastEventId}, in order. */
    public synchronized List<JobEvent> eventsAfter(long lastEventId) {
        int from = (int) Math.max(0, Math.min(lastEventId, events.size()));
        return List.copyOf(events.subList(from, events.size()));
    }

    /**
     * Waits until there are events after {@code lastEventId}, the job has finished, or {@code timeout} passed;
     * an empty list means nothing new (time for a heartbeat, or the end of the stream if {@link #finished()}).
     */
    public synchronized List<JobEvent> awaitEventsAfter(long lastEventId, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() <= lastEventId && status == JobStatus.RUNNING) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        return eventsAfter(lastEventId);
    }

    public synchronized JobView view() {
        return new JobView(id, kind, status, Optional.ofNullable(stage).orElse(Stage.VALIDATE), createdAt,
                finishedAt, eventsPath(id), events.size(), result, errorMessage);
    }

    public static String eventsPath(String jobId) {
        return "/retrain/jobs/" + jobId + "/events";
    }
}
