package org.stockcast.model.backtest;

import org.stockcast.model.dataset.DailySeries;

/** Rolling-origin evaluation: refit at each cutoff, forecast {@code horizon} days, score against the actuals. */
public final class Backtest {
    private Backtest() {
    }

    /** {@code cutoffs} origins, the last one {@code horizon} days before the end, each {@code step} days apart. */
    public static ForecastErrors evaluate(DailySeries series, Forecaster forecaster, int cutoffs, int horizon,
                                          int step, int seasonality) {
        throw new UnsupportedOperationException("issue #3");
    }

    /** Forecast = the value one season (e.g. 7 days) earlier: the baseline every model must beat. */
    public static Forecaster seasonalNaive(int seasonality) {
        throw new UnsupportedOperationException("issue #3");
    }
}
