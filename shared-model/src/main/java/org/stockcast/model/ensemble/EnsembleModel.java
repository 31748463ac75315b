package org.stockcast.model.ensemble;

import java.util.Map;
import java.util.Optional;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.lstm.LstmForecaster;

/**
 * Everything one model version serves: the dataset snapshot it was trained on, precomputed additive models by
 * {@link SeriesKey}, the global LSTM and the blend weights. Any other filter is fitted on demand and cached for
 * the life of this instance (= one version). Thread-safe.
 */
public final class EnsembleModel {
    private final SalesTable dataset;
    private final Map<String, FittedAdditiveModel> additiveModels;
    private final LstmForecaster lstm;
    private final EnsembleWeights weights;
    private final AdditiveConfig additiveConfig;

    public EnsembleModel(SalesTable dataset, Map<String, FittedAdditiveModel> additiveModels, LstmForecaster lstm,
                         EnsembleWeights weights, AdditiveConfig additiveConfig) {
        this.dataset = dataset;
        this.additiveModels = Map.copyOf(additiveModels);
        this.lstm = lstm;
        this.weights = weights;
        this.additiveConfig = additiveConfig;
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

    /** Empty when no rows match the filter. Never trains the LSTM. */
    public Optional<EnsembleForecast> forecast(SalesFilter filter, int days) {
        throw new UnsupportedOperationException("issue #6");
    }
}
