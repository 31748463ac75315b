package org.stockcast.forecastservice.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.ensemble.EnsembleModel;

/** Fits run on the bounded pool, at most threads + queue at once; the rest are refused at once, not queued. */
@Timeout(30)
class OnDemandFitsTest {
    private static final SalesFilter CHEAP = SalesFilter.product("P1");
    private static final SalesFilter NEW_A = new SalesFilter(null, null, null, null, 10.5, null);
    private static final SalesFilter NEW_B = new SalesFilter(null, null, null, null, 11.5, null);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void forecastsThatNeedNoFitRunOnTheCallersThread() {
        EnsembleModel model = mock(EnsembleModel.class);
        AtomicReference<String> thread = new AtomicReference<>();
        when(model.needsFit(CHEAP)).thenReturn(false);
        when(model.forecast(eq(CHEAP), anyInt())).thenAnswer(call -> {
            thread.set(Thread.currentThread().getName());
            return Optional.empty();
        });
        OnDemandFits fits = new OnDemandFits(new FitsProperties(1, 0, Duration.ofSeconds(3)), registry);
        assertThat(fits.forecast(model, CHEAP, 7)).isEmpty();
        assertThat(thread.get()).isEqualTo(Thread.currentThread().getName());
        fits.destroy();
    }

    @Test
    void beyondTheSlotsAFitIsRefusedWithRetryAfterAndTheSlotComesBack() throws Exception {
        EnsembleModel model = mock(EnsembleModel.class);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<String> fitThread = new AtomicReference<>();
        when(model.needsFit(NEW_A)).thenReturn(true);
        when(model.needsFit(NEW_B)).thenReturn(true);
        when(model.forecast(eq(NEW_A), anyInt())).thenAnswer(call -> {
            fitThread.set(Thread.currentThread().getName());
            started.countDown();
            assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
            return Optional.<EnsembleForecast>empty();
        });
        when(model.forecast(eq(NEW_B), anyInt())).thenReturn(Optional.empty());
        OnDemandFits fits = new OnDemandFits(new FitsProperties(1, 0, Duration.ofSeconds(3)), registry);

        CompletableFuture<Optional<EnsembleForecast>> first =
                CompletableFuture.supplyAsync(() -> fits.forecast(model, NEW_A, 7));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> fits.forecast(model, NEW_B, 7))
                .isInstanceOfSatisfying(FitCapacityException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        assertThat(registry.counter("forecast.on.demand.fits.rejected").count()).isEqualTo(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(fitThread.get()).startsWith("on-demand-fit-");
        // The slot is free again once the first fit is done.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(fits.forecast(model, NEW_B, 7)).isEmpty());
        fits.destroy();
    }

    @Test
    void requestsForAFilterBeingFittedShareTheFitAndTakeNoSlot() throws Exception {
        EnsembleModel model = mock(EnsembleModel.class);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger fitsOnThePool = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean cached = new java.util.concurrent.atomic.AtomicBoolean();
        // As the real model: once fitted, the filter is cached and needs no fit.
        when(model.needsFit(NEW_A)).thenAnswer(call -> !cached.get());
        when(model.forecast(eq(NEW_A), anyInt())).thenAnswer(call -> {
            if (Thread.currentThread().getName().startsWith("on-demand-fit-")) {
                fitsOnThePool.incrementAndGet();
                started.countDown();
                assertThat(release.await(20, TimeUnit.SECONDS)).isTrue();
                cached.set(true);
            }
            return Optional.<EnsembleForecast>empty();
        });
        OnDemandFits fits = new OnDemandFits(new FitsProperties(1, 0, Duration.ofSeconds(3)), registry);
        List<CompletableFuture<Optional<EnsembleForecast>>> waiters = new ArrayList<>();
        waiters.add(CompletableFuture.supplyAsync(() -> fits.forecast(model, NEW_A, 7)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 3; i++) {
            waiters.add(CompletableFuture.supplyAsync(() -> fits.forecast(model, NEW_A, 30)));
        }
        release.countDown();
        for (CompletableFuture<Optional<EnsembleForecast>> waiter : waiters) {
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(fitsOnThePool.get()).isEqualTo(1);
        assertThat(registry.counter("forecast.on.demand.fits.rejected").count()).isZero();
        fits.destroy();
    }

    @Test
    void aFitsOwnFailureReachesTheCallerUnwrapped() {
        EnsembleModel model = mock(EnsembleModel.class);
        when(model.needsFit(NEW_A)).thenReturn(true);
        when(model.forecast(eq(NEW_A), anyInt())).thenThrow(new IllegalArgumentException("days must be 1..365"));
        OnDemandFits fits = new OnDemandFits(new FitsProperties(0, 2, Duration.ofSeconds(2)), registry);
        assertThatThrownBy(() -> fits.forecast(model, NEW_A, 400)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days");
        assertThat(fits.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        fits.destroy();
    }
}
