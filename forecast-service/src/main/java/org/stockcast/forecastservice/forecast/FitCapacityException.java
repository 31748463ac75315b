package org.stockcast.forecastservice.forecast;

import java.time.Duration;

/** Every on-demand fit slot and queue place is taken: 503 with Retry-After. */
public class FitCapacityException extends RuntimeException {
    private final transient Duration retryAfter;

    FitCapacityException(int threads, int queue, Duration retryAfter) {
        super("This filter has no precomputed model and all " + threads + " on-demand fit slots (and " + queue
                + " queue places) are busy; retry after " + retryAfter.toSeconds() + " s, or ask for a "
                + "product, category, region or the total, which are served at once.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
