package org.stockcast.model.forecaster;

/** Point forecast with an optional interval (lower/upper null when the forecaster has none). */
public record PointForecast(double[] yhat, double[] lower, double[] upper) {
    public static PointForecast of(double[] yhat) {
        return new PointForecast(yhat, null, null);
    }
}
