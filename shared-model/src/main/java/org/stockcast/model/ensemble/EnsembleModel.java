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
 * <p>Each series is forecast once for {@link #MAX_DAYS} and shorter requests get a prefix: autoregressive LSTM
 * steps and additive sample paths do not depend on how far ahead one looks, so a prefix is what a shorter run
 * gives, and every horizon of a cached series costs only a copy.
 */
public final class EnsembleModel {
    public static final int MAX_DAYS = 365;
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
    /** Series with a precomputed model: as many as the version has models, never evicted. */
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
        return fullHorizon(filter).map(forecast -> forecast.head(days));
    }

    /** Whether the filter's forecast is already computed (for warm-up and tests). */
    public boolean isCached(SalesFilter filter) {
        CompletableFuture<Optional<EnsembleForecast>> entry = cacheOf(filter).get(filter);
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

    private ConcurrentMap<SalesFilter, CompletableFuture<Optional<EnsembleForecast>>> cacheOf(SalesFilter filter) {
        return hasPrecomputedModel(filter) ? precomputed : fitted;
    }

    private Optional<EnsembleForecast> fullHorizon(SalesFilter filter) {
        ConcurrentMap<SalesFilter, CompletableFuture<Optional<EnsembleForecast>>> cache = cacheOf(filter);
        CompletableFuture<Optional<EnsembleForecast>> entry = cache.get(filter);
        if (entry == null) {
            // Computing outside the map's locks: a slow fit must not block requests for other series.
            CompletableFuture<Optional<EnsembleForecast>> mine = new CompletableFuture<>();
            entry = cache.putIfAbsent(filter, mine);
            if (entry == null) {
                try {
                    Optional<EnsembleForecast> result = compute(filter);
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

    private Optional<EnsembleForecast> compute(SalesFilter filter) {
        Optional<DailySeries> found = dataset.dailySeries(filter, seriesRules);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DailySeries history = found.get();
        Optional<EnsembleForecast> sparse = SparseHistory.forecast(dataset, filter, history, seriesRules, lstm,
                additiveConfig.intervalWidth(), MAX_DAYS);
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
            AdditiveForecast additiveForecast = additive.predict(MAX_DAYS);
            double[] raw = lstm.forecast(history.values(), MAX_DAYS, Rollout.FREE);
            return Optional.of(Blend.of(history, additiveForecast, raw, weights, MAX_DAYS));
        }
        double[] lstmForecast = lstm.forecast(history.values(), MAX_DAYS);
        SeriesProfile profile = calibration.get().profile(filter);
        Map<Member, double[]> members = MemberForecasts.of(history, additive.pointForecast(MAX_DAYS), lstmForecast,
                profile.weights(), MAX_DAYS, SEASON);
        return Optional.of(Blend.calibrated(history, members, profile,
                calibration.get().bandScale(history.values()), MAX_DAYS));
    }
}
