package org.stockcast.model.ensemble;

import org.stockcast.model.intermittent.Intermittency;

/**
 * What the weights of a series minimise on its backtest. Absolute scaled error (MASE) for demand on most days;
 * squared scaled error for intermittent and lumpy series, whose absolute error is least for a forecast of 0 (the
 * median of a mostly-zero day): by MAE, seasonal-naive after a week without sales looks best and after a week with
 * one looks worst, so weights chosen by it follow the luck of the last week (measured on the seed products:
 * seasonal-naive weight 1 in the backtest, MASE 2.9 against 1.1-1.2 for the other members afterwards). Squared
 * error is least for the mean, the rate that stock is planned on (the M5 competition's RMSSE, Kolassa 2016).
 */
public enum WeightLoss {
    ABSOLUTE,
    SQUARED;

    public static WeightLoss of(double[] history) {
        return Intermittency.of(history).pattern().intermittent() ? SQUARED : ABSOLUTE;
    }

    double of(double error, double scale) {
        double scaled = Math.abs(error) / scale;
        return this == SQUARED ? scaled * scaled : scaled;
    }
}
