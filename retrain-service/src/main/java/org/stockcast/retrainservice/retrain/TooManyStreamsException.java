package org.stockcast.retrainservice.retrain;

import java.util.Optional;

/** Every SSE pump is busy (503); names the job when it had already been started. */
public final class TooManyStreamsException extends RuntimeException {
    private final String jobId;

    public TooManyStreamsException(int limit) {
        this(limit, null);
    }

    public TooManyStreamsException(int limit, String jobId) {
        super("Too many event streams open (limit " + limit + "); try again later"
                + (jobId == null ? "" : "; job " + jobId + " is running, follow " + RetrainJob.eventsPath(jobId)));
        this.jobId = jobId;
    }

    public Optional<String> jobId() {
        return Optional.ofNullable(jobId);
    }
}
