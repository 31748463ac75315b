package org.stockcast.retrainservice.retrain;

/** {@code event: error} payload. */
public record RetrainError(String jobId, JobStatus status, String message) {
}
