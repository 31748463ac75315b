package org.stockcast.forecastservice.forecast;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inventory.fits.*}: how much CPU on-demand additive fits (filters without a precomputed model) may take.
 *
 * @param threads    fits running at once; 0 = half the cores, at least 1, so cached forecasts keep a core
 * @param queue      fits waiting for a thread; beyond, 503 with Retry-After
 * @param retryAfter the Retry-After of that 503
 */
@ConfigurationProperties("inventory.fits")
@Validated
public record FitsProperties(@DefaultValue("0") @PositiveOrZero int threads,
                             @DefaultValue("2") @PositiveOrZero int queue,
                             @DefaultValue("2s") @NotNull Duration retryAfter) {

    /** The thread count with 0 resolved against the cores this JVM may use. */
    public int effectiveThreads(int cores) {
        return threads > 0 ? threads : Math.max(1, cores / 2);
    }
}
