package org.stockcast.retrainservice.retrain;

/** One entry of a job's event log; {@code id} is the SSE id, 1-based and gap-free per job. */
public record JobEvent(long id, EventType type, Object data) {
}
