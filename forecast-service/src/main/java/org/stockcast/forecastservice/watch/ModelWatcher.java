package org.stockcast.forecastservice.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.store.Manifest;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.store.VersionCheck;
import org.stockcast.model.version.VersionFiles;

/**
 * Serves the highest version of the store that verifies, loads and passes a sample forecast. Each
 * {@link #pollOnce()} runs on the watch thread, never on a request: requests only read {@link #current()}.
 * A rejected version is remembered with its manifest fingerprint and tried again only once the manifest changes.
 * When the served version disappears the next valid one takes over (rollback); an empty store keeps what is served.
 */
public class ModelWatcher {
    /** Extra {@code reason} labels of model_load_failures_total besides {@link VersionCheck.Failure}. */
    static final String LOAD_ERROR = "load_error";
    static final String SMOKE_TEST = "smoke_test";
    static final int SMOKE_TEST_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(ModelWatcher.class);

    private final ModelStore store;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Executor warmUpExecutor;
    /** Keeps the served version's parsed dataset months: the next version parses only the months that changed. */
    private final VersionFiles versionFiles = new VersionFiles();
    private final AtomicReference<LoadedEnsemble> current = new AtomicReference<>();
    /** Version -> fingerprint of the manifest it was rejected with. Only touched by the polling thread. */
    private final Map<Integer, String> rejected = new HashMap<>();
    private final Counter reloads;
    private final Counter polls;
    private volatile String lastReloadError;

    public ModelWatcher(ModelStore store, Clock clock, MeterRegistry registry, Executor warmUpExecutor) {
        this.store = store;
        this.clock = clock;
        this.registry = registry;
        this.warmUpExecutor = warmUpExecutor;
        this.reloads = Counter.builder("model.reloads").description("Model versions loaded and swapped in")
                .register(registry);
        // Lets a client (or a test) wait for "the watcher has looked again" instead of sleeping a poll interval.
        this.polls = Counter.builder("model.polls").description("Completed scans of the model store")
                .register(registry);
        Gauge.builder("model.version", current, ref -> ref.get() == null ? Double.NaN : ref.get().version())
                .description("Version being served").register(registry);
        Gauge.builder("model.age.seconds", current, this::ageSeconds)
                .description("Seconds since the served version was created").register(registry);
    }

    /** The served version; empty until the first one loads. Read once per request. */
    public Optional<LoadedEnsemble> current() {
        return Optional.ofNullable(current.get());
    }

    /** Why the last rejected version was rejected (null after a successful load). */
    public Optional<String> lastReloadError() {
        return Optional.ofNullable(lastReloadError);
    }

    /** One scan of the store; swaps at most once. Synchronized: the scheduler and tests may both call it. */
    public synchronized void pollOnce() {
        try {
            scan();
        } finally {
            polls.increment();
        }
    }

    private void scan() {
        List<Integer> versions;
        try {
            versions = store.versions();
        } catch (IOException e) {
            log.warn("Cannot list model store {}: {}", store.dir(), e.toString());
            return;
        }
        rejected.keySet().retainAll(versions);
        LoadedEnsemble served = current.get();
        for (int version : versions) {
            String fingerprint = store.manifestFingerprint(version);
            if (served != null && served.version() == version && served.manifestFingerprint().equals(fingerprint)) {
                return;
            }
            if (fingerprint.equals(rejected.get(version))) {
                continue;
            }
            Optional<LoadedEnsemble> loaded = load(version, fingerprint);
            if (loaded.isPresent()) {
                swap(served, loaded.get());
                return;
            }
            rejected.put(version, fingerprint);
        }
        // Nothing better (or nothing at all): keep serving what we have.
    }

    private Optional<LoadedEnsemble> load(int version, String fingerprint) {
        long started = System.nanoTime();
        VersionCheck check = store.verify(version);
        long verified = System.nanoTime();
        if (!check.ok()) {
            return reject(version, check.failure().name().toLowerCase(Locale.ROOT), check.detail(), null);
        }
        Manifest manifest = check.manifest().orElseThrow();
        EnsembleModel model;
        try {
            model = versionFiles.read(store.versionDir(version));
        } catch (IOException | RuntimeException e) {
            return reject(version, LOAD_ERROR, e.toString(), e);
        }
        long read = System.nanoTime();
        try {
            Optional<EnsembleForecast> sample = model.forecast(SalesFilter.ALL, SMOKE_TEST_DAYS);
            if (sample.isEmpty()) {
                return reject(version, SMOKE_TEST, "the dataset snapshot has no rows", null);
            }
        } catch (RuntimeException e) {
            return reject(version, SMOKE_TEST, e.toString(), e);
        }
        log.info("Loaded model version {} in {} ms (verify {} ms, read {} ms, sample forecast {} ms)", version,
                millis(started, System.nanoTime()), millis(started, verified), millis(verified, read),
                millis(read, System.nanoTime()));
        return Optional.of(new LoadedEnsemble(version, manifest, model, clock.instant(), fingerprint));
    }

    private Optional<LoadedEnsemble> reject(int version, String reason, String detail, Exception cause) {
        String message = "version " + version + " rejected (" + reason + "): " + detail;
        if (cause instanceof RuntimeException) {
            log.warn("Model {}", message, cause);
        } else {
            log.warn("Model {}", message);
        }
        registry.counter("model.load.failures", "reason", reason).increment();
        lastReloadError = message;
        return Optional.empty();
    }

    private void swap(LoadedEnsemble previous, LoadedEnsemble next) {
        current.set(next);
        reloads.increment();
        lastReloadError = null;
        if (previous == null) {
            log.info("Serving model version {}", next.version());
        } else if (next.version() < previous.version()) {
            log.warn("Rolled back from model version {} to {}", previous.version(), next.version());
        } else {
            log.info("Swapped model version {} -> {}", previous.version(), next.version());
        }
        warmUp(next);
    }

    /**
     * Precomputes every precomputed series so their first requests are as fast as later ones: one task per series on
     * the warm-up executor (a small pool of low-priority threads, so several cores can warm while requests keep
     * theirs), the total, categories and regions before the products. Runs after the swap, never before it; a task
     * of a version no longer served returns at once. The last task to finish logs the time.
     */
    private void warmUp(LoadedEnsemble loaded) {
        List<SalesFilter> filters = loaded.model().additiveModels().keySet().stream()
                .map(SeriesKey::filter).flatMap(Optional::stream)
                .sorted(Comparator.comparing((SalesFilter f) -> f.productId() != null)).toList();
        long started = System.nanoTime();
        AtomicInteger remaining = new AtomicInteger(filters.size());
        AtomicInteger warmed = new AtomicInteger();
        for (SalesFilter filter : filters) {
            warmUpExecutor.execute(() -> {
                try {
                    if (current.get() == loaded && loaded.model().forecast(filter, 1).isPresent()) {
                        warmed.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    log.warn("Warm-up of {} in version {} failed: {}", filter.describe(), loaded.version(),
                            e.toString());
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        log.info("Warmed {} series of version {} in {} ms", warmed.get(), loaded.version(),
                                (System.nanoTime() - started) / 1_000_000);
                    }
                }
            });
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private double ageSeconds(AtomicReference<LoadedEnsemble> ref) {
        LoadedEnsemble loaded = ref.get();
        if (loaded == null || loaded.manifest().createdAt() == null) {
            return Double.NaN;
        }
        return Duration.between(loaded.manifest().createdAt(), clock.instant()).toMillis() / 1000.0;
    }

    /** For tests and /model: when the served version was loaded. */
    Optional<Instant> loadedAt() {
        return current().map(LoadedEnsemble::loadedAt);
    }
}
