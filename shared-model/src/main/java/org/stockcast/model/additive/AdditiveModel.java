package org.stockcast.model.additive;

import org.stockcast.model.dataset.DailySeries;

/** Entry point: fit a Prophet-style model (MAP estimate) to a daily series. Deterministic. */
public final class AdditiveModel {
    private AdditiveModel() {
    }

    public static FittedAdditiveModel fit(DailySeries series, AdditiveConfig config) {
        throw new UnsupportedOperationException("issue #3");
    }
}
