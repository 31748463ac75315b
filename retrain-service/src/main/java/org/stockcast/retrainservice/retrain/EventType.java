package org.stockcast.retrainservice.retrain;

import java.util.Locale;

/** The SSE {@code event:} names of a job's stream. */
public enum EventType {
    PROGRESS, RESULT, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != PROGRESS;
    }
}
