package org.stockcast.model.ensemble;

import org.stockcast.model.additive.AdditiveConfig;

/**
 * ensemble.json of a version: how the members are blended and the additive settings used for series fitted on
 * demand (so they match the precomputed ones). {@code weightingMode} records how the retrain chose the weights.
 * Format 2 adds {@code calibration} (horizon weights, interval bands and error paths from the backtest); format 1
 * files have none and serve the legacy two-model blend with {@code weights}.
 */
public record EnsembleSettings(int formatVersion, EnsembleWeights weights, EnsembleWeights.Mode weightingMode,
                               AdditiveConfig additiveConfig, EnsembleCalibration calibration) {
    public static final int FORMAT_VERSION = 2;
}
