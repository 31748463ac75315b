package org.stockcast.retrainservice.retrain;

/** Every SSE pump is busy (503). */
public final class TooManyStreamsException extends RuntimeException {
    public TooManyStreamsException(int limit) {
        super("Too many event streams open (limit " + limit + "); try again later");
    }
}
