package org.stockcast.model.ensemble;

import org.stockcast.model.additive.AdditiveConfig;

/**
 * ensemble.json of a version: how the two models are blended and the additive settings used for series fitted on
 * demand (so they match the precomputed ones). {@code weightingMode} records how the retrain chose the weights.
 */
public record EnsembleSettings(int formatVersion, EnsembleWeights weights, EnsembleWeights.Mode weightingMode,
                               AdditiveConfig additiveConfig) {
    public static final int FORMAT_VERSION = 1;
}
