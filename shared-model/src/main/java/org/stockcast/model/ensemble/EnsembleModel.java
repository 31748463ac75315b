package org.stockcast.model.ensemble;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveForecast;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.lstm.Rollout;

/**
 * Everything one model version serves: the dataset snapshot it was trained on, precomputed additive models by
 * {@link SeriesKey}, the global LSTM and the blend weights. Any other filter is fitted on demand and cached for
 * the life of this instance (= one version). Thread-safe. A version with a backtest {@link EnsembleCalibration}
 * blends additive, LSTM and seasonal-naive with horizon weights and calibrated bands; one saved before that
 * (no calibration) blends additive and LSTM with its fixed weights and the additive interval, as it always did.
 *
 * <p>In a calibrated version a series with a precomputed model is forecast for {@link #SHORT_DAYS} when a request
 * (or the warm-up) asks for no more, and for {@link #MAX_DAYS} when one asks for more; any other filter, and every
 * series of an older version, for {@link #MAX_DAYS} at once (an on-demand additive model is fitted per
 * computation; an older version's additive interval samples trend paths for the horizon asked). Shorter requests
 * get a prefix: autoregressive LSTM steps, the members and the calibrated bands do not depend on how far ahead one
 * looks, so a prefix is what a shorter run gives (EnsembleModelTest), and every horizon of a cached series costs
 * only a copy.
 */
public final class EnsembleModel {
    public static final int MAX_DAYS = 365;
    /**
     * The horizon a precomputed series is first computed for: a quarter, the end of the 29-91 day bucket, holds a
     * month's forecast and the inventory advice's protection intervals, and the 365-step LSTM rollout that
     * dominates a series' cost (the warm-up's) is four times shorter.
     */
    public static final int SHORT_DAYS = 91;
    /** Bounds memory when clients try many numeric filter values; precomputed series are never evicted. */
    static final int MAX_CACHED_SERIES = 2_000;
    /** The season of seasonal-naive and of the band scale: a week of daily data. */
    static final int SEASON = 7;

    private final SalesTable dataset;
    private final Map<String, FittedAdditiveModel> additiveModels;
    private final LstmForecaster lstm;
    private final EnsembleWeights weights;
    private final AdditiveConfig additiveConfig;
    private final Optional<EnsembleCalibration> calibration;
    private final SeriesRules seriesRules;
    /** Series with a precomputed model, for {@link #SHORT_DAYS}: as many as the version has models, never evicted. */
    private final ConcurrentMap<SalesFilter, CompletableFuture<Optional<EnsembleForecast>>> precomputedShort =
            new ConcurrentHashMap<>();
    /** The same for {@link #MAX_DAYS}, once a request asked for more than {@link #SHORT_DAYS}. */
    private final ConcurrentMap<SalesFilter, CompletableFuture<Optional<EnsembleForecast>>> precomputed =
            new ConcurrentHashMap<>();
    /** On-demand fits: unbounded in number (numeric filters), so a size-bounded Caffeine cache. */
    private final ConcurrentMap<SalesFilter, CompletableFuture<Optional<EnsembleForecast>>> fitted =
            Caffeine.newBuilder().maximumSize(MAX_CACHED_SERIES)
                    .<SalesFilter, CompletableFuture<Optional<EnsembleForecast>>>build().asMap();

    public EnsembleModel(SalesTable dataset, Map<String, FittedAdditiveModel> additiveModels, LstmForecaster lstm,
                         EnsembleWeights weights, AdditiveConfig additiveConfig,
                         Optional<EnsembleCalibration> calibration) {
        this(dataset, additiveModels, lstm, weights, additiveConfig, calibration, SeriesRules.DEFAULT);
    }

    /** {@code seriesRules}: how rows become each filter's daily series (the retrain's, saved with the version). */
    public EnsembleModel(SalesTable dataset, Map<String, FittedAdditiveModel> additiveModels, LstmForecaster lstm,
                         EnsembleWeights weights, AdditiveConfig additiveConfig,
                         Optional<EnsembleCalibration> calibration, SeriesRules seriesRules) {
        this.seriesRules = seriesRules == null ? SeriesRules.DEFAULT : seriesRules;
        this.dataset = dataset;
        this.additiveModels = Map.copyOf(additiveModels);
        this.lstm = lstm;
        this.weights = weights;
        this.additiveConfig = additiveConfig;
        this.calibration = calibration;
    }

    public SalesTable dataset() {
        return dataset;
    }

    public Map<String, FittedAdditiveModel> additiveModels() {
        return additiveModels;
    }

    public LstmForecaster lstm() {
        return lstm;
    }

    public EnsembleWeights weights() {
        return weights;
    }

    public AdditiveConfig additiveConfig() {
        return additiveConfig;
    }

    public Optional<EnsembleCalibration> calibration() {
        return calibration;
    }

    public SeriesRules seriesRules() {
        return seriesRules;
    }

    /**
     * Empty when no rows match the filter. Never trains the LSTM; fits an additive model only for filters without
     * a precomputed one (once per filter and instance).
     *
     * @param days 1..{@link #MAX_DAYS}
     */
    public Optional<EnsembleForecast> forecast(SalesFilter filter, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1.." + MAX_DAYS + ", was " + days);
        }
        return covering(filter, days).map(forecast -> forecast.head(days));
    }

    /** A cached forecast of at least {@code days} days, computed now if there is none. */
    private Optional<EnsembleForecast> covering(SalesFilter filter, int days) {
        if (!hasPrecomputedModel(filter)) {
            return cached(fitted, filter, MAX_DAYS);
        }
        if (calibration.isEmpty()) {
            // the additive interval's sampled trend paths depend on the horizon they are drawn for
            return cached(precomputed, filter, MAX_DAYS);
        }
        CompletableFuture<Optional<EnsembleForecast>> year = precomputed.get(filter);
        if (days <= SHORT_DAYS) {
            return isReady(year) ? year.join() : cached(precomputedShort, filter, SHORT_DAYS);
        }
        Optional<EnsembleForecast> computed = cached(precomputed, filter, MAX_DAYS);
        precomputedShort.remove(filter); // the year's prefix serves every shorter request from now on
        return computed;
    }

    /** Whether the filter's forecast is already computed, for some horizon (for warm-up and tests). */
    public boolean isCached(SalesFilter filter) {
        return hasPrecomputedModel(filter)
                ? isReady(precomputedShort.get(filter)) || isReady(precomputed.get(filter))
                : isReady(fitted.get(filter));
    }

    private static boolean isReady(CompletableFuture<Optional<EnsembleForecast>> entry) {
        return entry != null && entry.isDone() && !entry.isCompletedExceptionally();
    }

    /**
     * Whether {@link #forecast} would fit an additive model now (no precomputed model for the filter, not cached):
     * the expensive case a service may want to run off the request thread and bound.
     */
    public boolean needsFit(SalesFilter filter) {
        return !hasPrecomputedModel(filter) && !isCached(filter);
    }

    private boolean hasPrecomputedModel(SalesFilter filter) {
        return SeriesKey.of(filter).filter(additiveModels::containsKey).isPresent();
    }

    /** The cache's forecast of {@code days} days for the filter, computed by the first caller to ask. */
    private Optional<EnsembleForecast> cached(
            ConcurrentMap<SalesFilter, CompletableFuture<Optional<EnsembleForecast>>> cache, SalesFilter filter,
            int days) {
        CompletableFuture<Optional<EnsembleForecast>> entry = cache.get(filter);
        if (entry == null) {
            // Computing outside the map's locks: a slow fit must not block requests for other series.
            CompletableFuture<Optional<EnsembleForecast>> mine = new CompletableFuture<>();
            entry = cache.putIfAbsent(filter, mine);
            if (entry == null) {
                try {
                    Optional<EnsembleForecast> result = compute(filter, days);
                    mine.complete(result);
                    return result;
                } catch (RuntimeException | Error e) {
                    cache.remove(filter, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private Optional<EnsembleForecast> compute(SalesFilter filter, int days) {
        Optional<DailySeries> found = dataset.dailySeries(filter, seriesRules);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DailySeries history = found.get();
        Optional<EnsembleForecast> sparse = SparseHistory.forecast(dataset, filter, history, seriesRules, lstm,
                additiveConfig.intervalWidth(), days);
        if (sparse.isPresent()) {
            return sparse;
        }
        // A precomputed model serves only the history it was fitted to; otherwise fit this series now.
        FittedAdditiveModel additive = SeriesKey.of(filter)
                .map(additiveModels::get)
                .filter(model -> model.lastDate().equals(history.end()))
                .orElseGet(() -> AdditiveModel.fit(history, additiveConfig));
        if (calibration.isEmpty()) {
            // a version saved before the horizon-aware ensemble serves the raw rollout its fixed weights were set on
            // and the additive interval
            AdditiveForecast additiveForecast = additive.predict(days);
            double[] raw = lstm.forecast(history.values(), days, Rollout.FREE);
            return Optional.of(Blend.of(history, additiveForecast, raw, weights, days));
        }
        double[] lstmForecast = lstm.forecast(history.values(), days);
        SeriesProfile profile = calibration.get().profile(filter);
        Map<Member, double[]> members = MemberForecasts.of(history, additive.pointForecast(days), lstmForecast,
                profile.weights(), days, SEASON);
        return Optional.of(Blend.calibrated(history, members, profile,
                calibration.get().bandScale(history.values()), days));
    }
}
