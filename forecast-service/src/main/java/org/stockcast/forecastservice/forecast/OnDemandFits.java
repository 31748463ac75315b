package org.stockcast.forecastservice.forecast;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.ensemble.EnsembleModel;

/**
 * Keeps on-demand additive fits (100-400 ms of CPU each) off the request threads: they run on a small pool sized
 * to the cores, at most {@code threads} at once and {@code queue} waiting; beyond, the request gets 503 with
 * Retry-After instead of a Tomcat thread and a core. Numeric filter values make the number of such filters
 * unbounded, so without this a few clients could take every core from the cached product forecasts.
 * Forecasts that need no fit (precomputed or cached) are computed on the caller's thread as before.
 */
@Component
public class OnDemandFits implements DisposableBean {
    private final ThreadPoolExecutor pool;
    private final int threads;
    private final int queue;
    private final FitsProperties properties;
    private final Counter rejected;
    private final Timer fits;

    OnDemandFits(FitsProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.threads = properties.effectiveThreads(Runtime.getRuntime().availableProcessors());
        this.queue = properties.queue();
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue), task -> {
                    Thread thread = new Thread(task, "on-demand-fit-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.rejected = Counter.builder("forecast_on_demand_fits_rejected")
                .description("On-demand fits refused with 503 because every slot was busy").register(registry);
        this.fits = Timer.builder("forecast_on_demand_fits")
                .description("On-demand additive fits (filters without a precomputed model)").register(registry);
        registry.gauge("forecast_on_demand_fits_active", pool, ThreadPoolExecutor::getActiveCount);
    }

    /**
     * The model's forecast; on the pool when it needs a fit.
     *
     * @throws FitCapacityException when every slot and queue place is taken
     */
    public Optional<EnsembleForecast> forecast(EnsembleModel model, SalesFilter filter, int days) {
        if (!model.needsFit(filter)) {
            return model.forecast(filter, days);
        }
        Future<Optional<EnsembleForecast>> fit;
        try {
            fit = pool.submit(() -> fits.recordCallable(() -> model.forecast(filter, days)));
        } catch (RejectedExecutionException e) {
            rejected.increment();
            throw new FitCapacityException(threads, queue, properties.retryAfter());
        }
        try {
            // The fit finishes (and is cached) even if this request gives up, so a retry is then instant.
            return fit.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an on-demand fit", e);
        }
    }

    int threads() {
        return threads;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** A fit's own exception, as if it had been thrown on the caller's thread. */
    private static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("On-demand fit failed", cause);
    }
}
