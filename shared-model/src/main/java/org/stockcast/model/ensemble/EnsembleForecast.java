package org.stockcast.model.ensemble;

import java.time.LocalDate;
import java.util.Arrays;
import org.stockcast.model.dataset.DailySeries;

/**
 * Blended forecast per day from {@code start}, its interval, the members' own forecasts and the history it
 * continues. {@code errorPaths} are the blend's out-of-sample error paths from the backtest in units of this series
 * (actual - forecast per day after a backtest origin, NaN where unknown), empty for versions without a backtest
 * profile: the inventory policy draws its demand distribution from them.
 */
public record EnsembleForecast(LocalDate start, double[] forecast, double[] lower, double[] upper,
                               double[] additive, double[] lstm, double[] seasonalNaive, double[][] errorPaths,
                               DailySeries history) {

    /** Without a seasonal-naive component or error paths (versions saved before the horizon-aware ensemble). */
    public EnsembleForecast(LocalDate start, double[] forecast, double[] lower, double[] upper, double[] additive,
                            double[] lstm, DailySeries history) {
        this(start, forecast, lower, upper, additive, lstm, null, new double[0][], history);
    }

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
                Arrays.copyOf(upper, days), Arrays.copyOf(additive, days), Arrays.copyOf(lstm, days),
                seasonalNaive == null ? null : Arrays.copyOf(seasonalNaive, days), errorPaths, history);
    }
}
