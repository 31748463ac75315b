package org.stockcast.model.backtest;

import java.util.ArrayList;
import java.util.List;

import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.forecaster.PointForecast;

/** Rolling-origin evaluation: refit at each cutoff, forecast {@code horizon} days, score against the actuals. */
public final class Backtest {
    private Backtest() {
    }

    /**
     * {@code cutoffs} origins, the last one {@code horizon} days before the end, each {@code step} days apart.
     * Origins whose training history would be shorter than {@code seasonality + 1} days are skipped (MASE needs
     * one season of history). {@code seasonality} is the season of the MASE scale (7 for daily data).
     */
    public static ForecastErrors evaluate(DailySeries series, Forecaster forecaster, int cutoffs, int horizon,
                                          int step, int seasonality) {
        List<Fold> folds = folds(series, forecaster, cutoffs, horizon, step, seasonality);
        return ForecastErrors.of(folds);
    }

    /** The same evaluation, one entry per origin (oldest first), for reports that want the spread. */
    public static List<ForecastErrors> evaluatePerCutoff(DailySeries series, Forecaster forecaster, int cutoffs,
                                                         int horizon, int step, int seasonality) {
        List<ForecastErrors> out = new ArrayList<>();
        for (Fold fold : folds(series, forecaster, cutoffs, horizon, step, seasonality)) {
            out.add(ForecastErrors.of(List.of(fold)));
        }
        return out;
    }

    /** Training lengths of the origins that {@link #evaluate} uses, oldest first. */
    public static List<Integer> trainingLengths(int seriesLength, int cutoffs, int horizon, int step,
                                                int seasonality) {
        if (cutoffs < 1 || horizon < 1 || step < 1 || seasonality < 1) {
            throw new IllegalArgumentException("cutoffs, horizon, step and seasonality must be >= 1");
        }
        List<Integer> lengths = new ArrayList<>();
        for (int c = cutoffs - 1; c >= 0; c--) {
            int length = seriesLength - horizon - c * step;
            if (length >= seasonality + 1) {
                lengths.add(length);
            }
        }
        return lengths;
    }

    private static List<Fold> folds(DailySeries series, Forecaster forecaster, int cutoffs, int horizon, int step,
                                    int seasonality) {
        List<Integer> lengths = trainingLengths(series.length(), cutoffs, horizon, step, seasonality);
        if (lengths.isEmpty()) {
            throw new IllegalArgumentException("series of " + series.length() + " days is too short for a "
                    + horizon + "-day horizon with " + seasonality + " days of history");
        }
        List<Fold> folds = new ArrayList<>();
        double[] values = series.values();
        for (int length : lengths) {
            DailySeries history = series.head(length);
            PointForecast forecast = forecaster.forecast(history, horizon);
            if (forecast.yhat().length < horizon) {
                throw new IllegalStateException("forecaster returned " + forecast.yhat().length + " of "
                        + horizon + " days");
            }
            double[] actual = java.util.Arrays.copyOfRange(values, length, length + horizon);
            folds.add(new Fold(actual, forecast, naiveScale(values, length, seasonality)));
        }
        return folds;
    }

    /**
     * Mean |y_t - y_{t-m}| over the first {@code length} values: the in-sample seasonal-naive error (MASE
     * denominator). Pairs with a missing (NaN) value are skipped; 0 when no pair is left.
     */
    public static double naiveScale(double[] values, int length, int seasonality) {
        double sum = 0;
        int pairs = 0;
        for (int i = seasonality; i < length; i++) {
            double d = values[i] - values[i - seasonality];
            if (!Double.isNaN(d)) {
                sum += Math.abs(d);
                pairs++;
            }
        }
        return pairs == 0 ? 0 : sum / pairs;
    }

    /**
     * Seasonal-naive forecast of {@code horizon} days after {@code values}: each day repeats the latest observed
     * value of the same phase of the season (a missing value falls back one more season); with no observed value
     * of that phase, the latest observed value; with none at all, 0.
     */
    public static double[] seasonalNaive(double[] values, int horizon, int seasonality) {
        int n = values.length;
        double last = 0;
        for (int i = n - 1; i >= 0; i--) {
            if (!Double.isNaN(values[i])) {
                last = values[i];
                break;
            }
        }
        double[] season = new double[seasonality];
        for (int p = 0; p < seasonality; p++) {
            season[p] = last;
            // phase p of the forecast is the day n + p - seasonality * k for k = 1, 2, ...
            for (int i = n - seasonality + p; i >= 0; i -= seasonality) {
                if (i < n && !Double.isNaN(values[i])) {
                    season[p] = values[i];
                    break;
                }
            }
        }
        double[] yhat = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            yhat[h] = n >= seasonality ? season[h % seasonality] : last;
        }
        return yhat;
    }

    /** Forecast = the value one season (e.g. 7 days) earlier: the baseline every model must beat. */
    public static Forecaster seasonalNaive(int seasonality) {
        if (seasonality < 1) {
            throw new IllegalArgumentException("seasonality must be >= 1");
        }
        return (history, horizon) -> PointForecast.of(seasonalNaive(history.values(), horizon, seasonality));
    }

    record Fold(double[] actual, PointForecast forecast, double naiveScale) {
    }
}
