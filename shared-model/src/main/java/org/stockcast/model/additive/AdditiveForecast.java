package org.stockcast.model.additive;

import java.time.LocalDate;

/** Per-day forecast starting at {@code start}: point, interval and the components that add up to it. */
public record AdditiveForecast(LocalDate start, double[] yhat, double[] lower, double[] upper,
                               double[] trend, double[] weekly, double[] yearly) {
    public int days() {
        return yhat.length;
    }
}
