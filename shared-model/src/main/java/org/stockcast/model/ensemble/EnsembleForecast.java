package org.stockcast.model.ensemble;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.stock.ErrorPaths;

/**
 * Blended forecast per day from {@code start}, its interval, the members' own forecasts and the history it
 * continues. {@code errorPaths} are the blend's out-of-sample error paths from the backtest in units of this series
 * (actual - forecast per day after a backtest origin, NaN where unknown), {@link ErrorPaths#NONE} for versions
 * without a backtest profile: the inventory policy draws its demand distribution from them. {@code warnings} say
 * how the forecast was made when that is not the regular ensemble (a new product, an all-zero or all-missing
 * history).
 */
public record EnsembleForecast(LocalDate start, double[] forecast, double[] lower, double[] upper,
                               double[] additive, double[] lstm, double[] seasonalNaive, ErrorPaths errorPaths,
                               DailySeries history, List<String> warnings) {

    public EnsembleForecast {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The regular ensemble: nothing to warn about. */
    public EnsembleForecast(LocalDate start, double[] forecast, double[] lower, double[] upper, double[] additive,
                            double[] lstm, double[] seasonalNaive, ErrorPaths errorPaths, DailySeries history) {
        this(start, forecast, lower, upper, additive, lstm, seasonalNaive, errorPaths, history, List.of());
    }

    /** Without a seasonal-naive component or error paths (versions saved before the horizon-aware ensemble). */
    public EnsembleForecast(LocalDate start, double[] forecast, double[] lower, double[] upper, double[] additive,
                            double[] lstm, DailySeries history) {
        this(start, forecast, lower, upper, additive, lstm, null, ErrorPaths.NONE, history);
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
                seasonalNaive == null ? null : Arrays.copyOf(seasonalNaive, days), errorPaths, history, warnings);
    }
}
