package org.stockcast.retrainservice.retrain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.SeriesKey;

/** Stage "additive": one Prophet-style model per precomputed series (total, products, categories, regions). */
final class AdditiveStage {
    private static final Logger log = LoggerFactory.getLogger(AdditiveStage.class);

    /** Fitted models by {@link SeriesKey}, and the keys whose series could not be fitted (served on demand). */
    record Fits(Map<String, FittedAdditiveModel> models, List<String> skipped) {
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
        return fitAll(table, config, SeriesRules.DEFAULT, progress);
    }

    /**
     * As above with the series built under {@code rules}; a series without one known day (all missing) is skipped,
     * the total included: the forecast service answers it with 0 and a warning.
     */
    static Fits fitAll(SalesTable table, AdditiveConfig config, SeriesRules rules, RetrainProgress progress) {
        progress.stage(Stage.ADDITIVE, "Starting Prophet-style model fit...");
        Map<String, SalesFilter> keys = seriesToFit(table);
        Map<String, FittedAdditiveModel> models = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, SalesFilter> entry : keys.entrySet()) {
            index++;
            String key = entry.getKey();
            Optional<DailySeries> series = table.dailySeries(entry.getValue(), rules);
            if (series.isEmpty() || allMissing(series.get())) {
                skipped.add(key);
                continue;
            }
            try {
                models.put(key, AdditiveModel.fit(series.get(), config));
                progress.stage(Stage.ADDITIVE, String.format(Locale.ROOT, "Fitted additive model %d/%d: %s (%d days)",
                        index, keys.size(), key, series.get().length()));
            } catch (RuntimeException e) {
                if (SeriesKey.TOTAL.equals(key)) {
                    throw new IllegalStateException("Cannot fit the additive model to the total series: "
                            + e.getMessage(), e);
                }
                log.info("Additive fit of {} skipped: {}", key, e.toString());
                skipped.add(key);
                progress.stage(Stage.ADDITIVE, String.format(Locale.ROOT, "Skipped additive model %d/%d: %s (%s)",
                        index, keys.size(), key, e.getMessage()));
            }
        }
        return new Fits(models, List.copyOf(skipped));
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
