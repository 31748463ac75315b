package org.stockcast.model.additive;

import java.time.LocalDate;

/** Immutable result of {@link AdditiveModel#fit}. Thread-safe. */
public final class FittedAdditiveModel {
    private FittedAdditiveModel() {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Last date of the training history; forecasts start the day after. */
    public LocalDate lastDate() { throw new UnsupportedOperationException("issue #3"); }

    /** {@code days} days starting the day after {@link #lastDate()}; intervals reproducible from the config seed. */
    public AdditiveForecast predict(int days) { throw new UnsupportedOperationException("issue #3"); }
}
