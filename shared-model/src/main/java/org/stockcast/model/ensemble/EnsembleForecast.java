package org.stockcast.model.ensemble;

import java.time.LocalDate;
import org.stockcast.model.dataset.DailySeries;

/** Blended forecast per day from {@code start}, with both components and the history it continues. */
public record EnsembleForecast(LocalDate start, double[] forecast, double[] lower, double[] upper,
                               double[] additive, double[] lstm, DailySeries history) {
    public int days() {
        return forecast.length;
    }
}
