package org.stockcast.model.ensemble;

import org.stockcast.model.backtest.Backtest;

/**
 * The unit of the calibrated bands: the in-sample seasonal-naive MAE of the history before an origin, over the
 * whole history ({@code days} = 0, how versions saved before the rule was recorded learned their bands) or over its
 * last {@code days} days, which follows a growing or seasonal level where the whole history's lags behind. The
 * backtest's origins and the served forecast use the same rule, so bands keep their units.
 */
final class BandScale {
    private BandScale() {
    }

    /**
     * The scale of the first {@code length} values; a window with no usable pair (or a zero MAE) falls back to the
     * whole history's, then the lag-1 MAE, then the mean level (a history too short or too regular for the rest).
     */
    static double of(double[] values, int length, int days) {
        if (days > 0) {
            double recent = naiveScale(values, Math.max(0, length - days), length, EnsembleModel.SEASON);
            if (recent > 0) {
                return recent;
            }
        }
        double scale = Backtest.naiveScale(values, length, EnsembleModel.SEASON);
        if (scale > 0) {
            return scale;
        }
        scale = Backtest.naiveScale(values, length, 1);
        if (scale > 0) {
            return scale;
        }
        double sum = 0;
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (!Double.isNaN(values[i])) {
                sum += Math.abs(values[i]);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Mean |y_t - y_{t-m}| for t in [from, to) with t >= m, skipping pairs with a missing value; 0 with none. */
    static double naiveScale(double[] values, int from, int to, int seasonality) {
        double sum = 0;
        int pairs = 0;
        for (int i = Math.max(from, seasonality); i < to; i++) {
            double d = values[i] - values[i - seasonality];
            if (!Double.isNaN(d)) {
                sum += Math.abs(d);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }
}
