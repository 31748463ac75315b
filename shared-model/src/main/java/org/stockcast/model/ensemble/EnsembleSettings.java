package org.stockcast.model.ensemble;

import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.dataset.SeriesRules;

/**
 * ensemble.json of a version: how the members are blended and the additive settings used for series fitted on
 * demand (so they match the precomputed ones). {@code weightingMode} records how the retrain chose the weights.
 * Format 2 adds {@code calibration} (horizon weights, interval bands and error paths from the backtest); format 1
 * files have none and serve the legacy two-model blend with {@code weights}. {@code seriesRules} (absent in files
 * written before it: the defaults) is how the retrain turned rows into daily series, so the forecast service builds
 * the same ones.
 */
public record EnsembleSettings(int formatVersion, EnsembleWeights weights, EnsembleWeights.Mode weightingMode,
                               AdditiveConfig additiveConfig, EnsembleCalibration calibration,
                               SeriesRules seriesRules) {
    public static final int FORMAT_VERSION = 2;

    public EnsembleSettings(int formatVersion, EnsembleWeights weights, EnsembleWeights.Mode weightingMode,
                            AdditiveConfig additiveConfig, EnsembleCalibration calibration) {
        this(formatVersion, weights, weightingMode, additiveConfig, calibration, SeriesRules.DEFAULT);
    }
}
