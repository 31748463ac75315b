package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.additive.AdditiveModelJson;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.ModelVersionFiles;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.store.ModelStore;

/**
 * Stage "additive": one Prophet-style model per precomputed series (total, products, categories, regions), fitted
 * in parallel on a pool as large as the machine has cores. A series whose {@link AdditiveFitKeys key} (its history
 * and the fit settings) is the one the previous version recorded takes that version's model instead of a refit:
 * the fit is deterministic, so that model is exactly what the refit would give.
 */
final class AdditiveStage {
    private static final Logger log = LoggerFactory.getLogger(AdditiveStage.class);

    /**
     * Fitted models by {@link SeriesKey}, the keys whose series could not be fitted (served on demand), the fit key
     * of every fitted series (saved in the version as {@link AdditiveFitKeys#FILE}) and how many were reused.
     */
    record Fits(Map<String, FittedAdditiveModel> models, List<String> skipped, Map<String, String> fitKeys,
                int reused) {
    }

    /** The previous version's models and their fit keys (both empty when there is nothing to reuse). */
    record Previous(Map<String, FittedAdditiveModel> models, Map<String, String> fitKeys) {
        static final Previous NONE = new Previous(Map.of(), Map.of());

        Optional<FittedAdditiveModel> reusable(String key, String fitKey) {
            return fitKey.equals(fitKeys.get(key)) ? Optional.ofNullable(models.get(key)) : Optional.empty();
        }
    }

    /** One series' outcome: a model (fitted or reused) or why it was skipped. */
    private record Fit(String key, Optional<FittedAdditiveModel> model, String fitKey, boolean reused, int days,
                       String skipped) {
    }

    private AdditiveStage() {
    }

    /** The series a version precomputes, in fit order: the total first, then products, categories, regions. */
    static Map<String, SalesFilter> seriesToFit(SalesTable table) {
        Map<String, SalesFilter> keys = new LinkedHashMap<>();
        keys.put(SeriesKey.TOTAL, SalesFilter.ALL);
        table.productIds().forEach(id -> keys.put(SeriesKey.product(id), SalesFilter.product(id)));
        table.categories().forEach(c -> keys.put(SeriesKey.category(c), SalesFilter.category(c)));
        table.regions().forEach(r -> keys.put(SeriesKey.region(r), SalesFilter.region(r)));
        return keys;
    }

    /**
     * Fits every series. The total must fit (it is what the ensemble and the backtest stand on); any other
     * series that cannot be fitted (e.g. a product with two days of history) is reported and left to the
     * forecast service's on-demand fit.
     */
    static Fits fitAll(SalesTable table, AdditiveConfig config, RetrainProgress progress) {
        return fitAll(table, config, SeriesRules.DEFAULT, Previous.NONE, progress);
    }

    /**
     * As above with the series built under {@code rules}; a series without one known day (all missing) is skipped,
     * the total included: the forecast service answers it with 0 and a warning. Models, messages and their order
     * are the same whatever the number of cores.
     */
    static Fits fitAll(SalesTable table, AdditiveConfig config, SeriesRules rules, Previous previous,
                       RetrainProgress progress) {
        progress.stage(Stage.ADDITIVE, "Starting Prophet-style model fit...");
        Map<String, SalesFilter> keys = seriesToFit(table);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread thread = new Thread(r, "additive-fit");
            thread.setDaemon(true);
            return thread;
        });
        try {
            SeriesSource source = SeriesSource.of(table, rules);
            List<Future<Fit>> futures = new ArrayList<>(keys.size());
            keys.forEach((key, filter) -> futures.add(pool.submit(() -> fit(source, key, filter, config,
                    previous))));
            return collect(futures, progress);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Fits collect(List<Future<Fit>> futures, RetrainProgress progress) {
        Map<String, FittedAdditiveModel> models = new LinkedHashMap<>();
        Map<String, String> fitKeys = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        int reused = 0;
        int index = 0;
        for (Future<Fit> future : futures) {
            index++;
            Fit fit = join(future);
            if (fit.model().isEmpty()) {
                skipped.add(fit.key());
                if (fit.skipped() != null) {
                    progress.stage(Stage.ADDITIVE, String.format(Locale.ROOT,
                            "Skipped additive model %d/%d: %s (%s)", index, futures.size(), fit.key(), fit.skipped()));
                }
                continue;
            }
            models.put(fit.key(), fit.model().get());
            fitKeys.put(fit.key(), fit.fitKey());
            reused += fit.reused() ? 1 : 0;
            progress.stage(Stage.ADDITIVE, String.format(Locale.ROOT, "%s additive model %d/%d: %s (%d days)",
                    fit.reused() ? "Unchanged, reused" : "Fitted", index, futures.size(), fit.key(), fit.days()));
        }
        if (reused > 0) {
            progress.stage(Stage.ADDITIVE, String.format(Locale.ROOT,
                    "Additive models: %d fitted, %d reused unchanged from the previous version",
                    models.size() - reused, reused));
        }
        return new Fits(models, List.copyOf(skipped), fitKeys, reused);
    }

    private static Fit fit(SeriesSource source, String key, SalesFilter filter, AdditiveConfig config,
                           Previous previous) {
        Optional<DailySeries> series = source.dailySeries(filter);
        if (series.isEmpty() || allMissing(series.get())) {
            return new Fit(key, Optional.empty(), null, false, 0, null);
        }
        DailySeries s = series.get();
        String fitKey = AdditiveFitKeys.of(s, config);
        Optional<FittedAdditiveModel> reused = previous.reusable(key, fitKey);
        if (reused.isPresent()) {
            return new Fit(key, reused, fitKey, true, s.length(), null);
        }
        try {
            return new Fit(key, Optional.of(AdditiveModel.fit(s, config)), fitKey, false, s.length(), null);
        } catch (RuntimeException e) {
            if (SeriesKey.TOTAL.equals(key)) {
                throw new IllegalStateException("Cannot fit the additive model to the total series: "
                        + e.getMessage(), e);
            }
            log.info("Additive fit of {} skipped: {}", key, e.toString());
            return new Fit(key, Optional.empty(), null, false, s.length(), e.getMessage());
        }
    }

    private static Fit join(Future<Fit> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fitting the additive models", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The models of {@code newest} (a verified version) with their fit keys; {@link Previous#NONE} when there is
     * none, it has no keys (saved before them) or its models cannot be read: then every series is simply fitted.
     */
    static Previous previous(ModelStore store, Optional<PreviousVersion> newest) {
        if (newest.isEmpty()) {
            return Previous.NONE;
        }
        Path dir = store.versionDir(newest.get().number());
        Map<String, String> fitKeys = AdditiveFitKeys.read(dir);
        if (fitKeys.isEmpty()) {
            return Previous.NONE;
        }
        try (InputStream in = Files.newInputStream(dir.resolve(ModelVersionFiles.ADDITIVE))) {
            return new Previous(AdditiveModelJson.read(in), fitKeys);
        } catch (IOException e) {
            log.warn("Additive models of version {} unreadable; refitting every series", newest.get().number(), e);
            return Previous.NONE;
        }
    }

    private static boolean allMissing(DailySeries series) {
        for (double v : series.values()) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }
}
