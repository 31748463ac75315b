package org.stockcast.model.backtest;

/** Error measures over all backtest points; coverage is NaN for forecasters without intervals. */
public record ForecastErrors(double mae, double rmse, double mape, double smape, double mase, double coverage,
                             int points) {
}
