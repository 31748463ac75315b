package org.stockcast.model.forecaster;

import org.stockcast.model.dataset.DailySeries;

/** Anything that forecasts {@code horizon} days after the end of a history (additive, LSTM, ensemble, naive). */
@FunctionalInterface
public interface Forecaster {
    PointForecast forecast(DailySeries history, int horizon);
}
