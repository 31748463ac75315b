package org.stockcast.forecastservice.forecast;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
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
 * Forecasts that need no fit (precomputed or cached) are computed on the caller's thread as before; requests for a
 * filter that is being fitted wait for that fit without taking a slot.
 */
@Component
public class OnDemandFits implements DisposableBean {
    private final ThreadPoolExecutor pool;
    /** Requests for a filter already being fitted wait for that fit instead of taking another slot. */
    private final ConcurrentMap<InFlight, Future<Optional<EnsembleForecast>>> inFlight = new ConcurrentHashMap<>();
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
        this.rejected = Counter.builder("forecast.on.demand.fits.rejected")
                .description("On-demand fits refused with 503 because every slot was busy").register(registry);
        this.fits = Timer.builder("forecast.on.demand.fits")
                .description("On-demand additive fits (filters without a precomputed model)").register(registry);
        registry.gauge("forecast.on.demand.fits.active", pool, ThreadPoolExecutor::getActiveCount);
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
        InFlight key = new InFlight(model, filter);
        Future<Optional<EnsembleForecast>> fit = inFlight.get(key);
        if (fit == null) {
            // The full horizon, as the model caches it; every waiter takes its own prefix.
            FutureTask<Optional<EnsembleForecast>> task = new FutureTask<>(() -> {
                try {
                    return fits.recordCallable(() -> model.forecast(filter, EnsembleModel.MAX_DAYS));
                } finally {
                    inFlight.remove(key);
                }
            });
            fit = inFlight.putIfAbsent(key, task);
            if (fit == null) {
                fit = task;
                try {
                    pool.execute(task);
                } catch (RejectedExecutionException e) {
                    inFlight.remove(key, task);
                    rejected.increment();
                    throw new FitCapacityException(threads, queue, properties.retryAfter());
                }
            }
        }
        try {
            // The fit finishes (and is cached) even if this request gives up, so a retry is then instant.
            return fit.get().map(forecast -> forecast.head(days));
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for an on-demand fit", e);
        }
    }

    /** Model identity (one per served version) and filter. */
    private record InFlight(EnsembleModel model, SalesFilter filter) {
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
