package org.stockcast.model.ensemble;

import java.util.Map;

/**
 * One backtest origin of one series: what each member forecast from the first {@code trainingLength} days, the
 * actuals that followed (NaN = missing, scored nowhere) and the MASE scale of that history.
 * {@code firstDay} is the 0-based index of the first forecast day scored from this origin (short origins score from
 * day 0, long ones only the long-range days).
 */
public record OriginForecasts(int trainingLength, double scale, int firstDay, double[] actual,
                              Map<Member, double[]> forecasts) {
    public OriginForecasts {
        forecasts = Map.copyOf(forecasts);
    }
}
