package org.stockcast.model.ensemble;

import java.time.LocalDate;
import java.util.Arrays;
import org.stockcast.model.dataset.DailySeries;

/** Blended forecast per day from {@code start}, with both components and the history it continues. */
public record EnsembleForecast(LocalDate start, double[] forecast, double[] lower, double[] upper,
                               double[] additive, double[] lstm, DailySeries history) {
    public int days() {
        return forecast.length;
    }

    public LocalDate date(int index) {
        return start.plusDays(index);
    }

    /** The first {@code days} days: a forecast is a prefix of any longer one from the same model and history. */
    public EnsembleForecast head(int days) {
        if (days == forecast.length) {
            return this;
        }
        return new EnsembleForecast(start, Arrays.copyOf(forecast, days), Arrays.copyOf(lower, days),
                Arrays.copyOf(upper, days), Arrays.copyOf(additive, days), Arrays.copyOf(lstm, days), history);
    }
}
