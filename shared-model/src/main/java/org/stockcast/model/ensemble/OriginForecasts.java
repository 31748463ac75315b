package org.stockcast.model.ensemble;

import java.util.Map;

/**
 * One backtest origin of one series: what each member forecast from the first {@code trainingLength} days, the
 * actuals that followed (NaN = missing, scored nowhere) and the MASE scale of that history. Every day is scored,
 * from the first day after the origin.
 */
public record OriginForecasts(int trainingLength, double scale, double[] actual,
                              Map<Member, double[]> forecasts) {
    public OriginForecasts {
        forecasts = Map.copyOf(forecasts);
    }
}
