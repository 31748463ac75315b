package org.stockcast.model.additive;

import java.time.LocalDate;

import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.forecaster.PointForecast;

/**
 * Per-day forecast starting at {@code start}: point, interval and the components that add up to it, all in the
 * units of the series: yhat = trend + weekly + yearly + specialDays. In multiplicative mode the seasonal
 * components are trend * (relative effect), so the sum still holds.
 */
public record AdditiveForecast(LocalDate start, double[] yhat, double[] lower, double[] upper,
                               double[] trend, double[] weekly, double[] yearly, double[] specialDays) {

    /** Without a special-day component (zeros), as before special days existed. */
    public AdditiveForecast(LocalDate start, double[] yhat, double[] lower, double[] upper,
                            double[] trend, double[] weekly, double[] yearly) {
        this(start, yhat, lower, upper, trend, weekly, yearly, new double[yhat.length]);
    }

    public int days() {
        return yhat.length;
    }

    public LocalDate date(int index) {
        return start.plusDays(index);
    }

    /** Point and interval only, as every {@link Forecaster} returns. */
    public PointForecast toPointForecast() {
        return new PointForecast(yhat, lower, upper);
    }
}
