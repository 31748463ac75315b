package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.stockcast.model.additive.AdditiveModel;

/**
 * Where the ensemble's backtest puts its origins in a series of {@code n} days.
 * <ul>
 * <li>Short origins every {@code step} days over the last {@code holdoutDays} days (n - step, n - 2 step, ...), each
 * scored on the days up to the end of the data, at most {@code holdoutDays} ahead. The LSTM that is scored there was
 * trained only on data before the holdout ({@link #holdoutStart}).</li>
 * <li>Long origins {@code longStep} days apart, the newest {@value #LONG_HORIZON} days before the end (or, in a series
 * too short for that, the newest with {@value #MIN_LONG_TRAINING} days of history; a year where the served additive
 * model fits a yearly seasonality), each scored as far ahead as the
 * data goes, at most {@value #LONG_HORIZON} days, for the members refitted per origin: the only evidence beyond the
 * holdout, and errors from other seasons than the holdout's for the intervals. A short series needs them most:
 * its holdout is one quarter, and the next quarter is another season.</li>
 * </ul>
 *
 * @param minTrainingDays history an origin needs before it (shorter ones are skipped)
 */
public record BacktestPlan(int holdoutDays, int step, int longOrigins, int longStep, int seasonality,
                           int minTrainingDays) {
    public static final int LONG_HORIZON = 365;
    /** History a long origin needs: two quarters, so that it forecasts from other seasons than the holdout. */
    public static final int MIN_LONG_TRAINING = 182;

    /** A long origin: the history length before it and the days after it that it is scored on. */
    public record LongOrigin(int length, int horizon) {
    }

    public BacktestPlan {
        if (holdoutDays < 1 || step < 1 || longOrigins < 0 || longStep < 1 || seasonality < 1 || minTrainingDays < 1) {
            throw new IllegalArgumentException("invalid backtest plan");
        }
    }

    /** 13 weekly origins over the last 91 days; up to 3 long origins a quarter apart; 8 weeks of history at least. */
    public static BacktestPlan defaults() {
        return new BacktestPlan(91, 7, 3, 91, 7, 56);
    }

    /**
     * Training lengths of the short origins, oldest first. {@code lstmCut} is the number of this series' days the
     * scored LSTM was trained on (its {@link #holdoutStart} when the series ends on the dataset's last day, fewer
     * when it ends earlier): no origin lies before it, so the LSTM never saw a day it is scored on.
     */
    public List<Integer> shortOrigins(int n, int lstmCut) {
        List<Integer> lengths = new ArrayList<>();
        for (int back = (holdoutDays / step) * step; back >= step; back -= step) {
            int length = n - back;
            if (length >= minTrainingDays && length >= lstmCut) {
                lengths.add(length);
            }
        }
        return lengths;
    }

    /**
     * The long origins, oldest first. In a series whose served additive model fits a yearly seasonality, a long
     * origin needs a whole year of history too, so that the model it scores has one as well
     * ({@link AdditiveModel#backtestForecaster}).
     */
    public List<LongOrigin> longOrigins(int n) {
        int minLength = Math.max(minTrainingDays, AdditiveModel.servedWithYearly(n)
                ? AdditiveModel.ONE_YEAR_SPAN + 1 : MIN_LONG_TRAINING);
        int newest = Math.max(n - LONG_HORIZON, minLength);
        List<LongOrigin> origins = new ArrayList<>();
        for (int k = longOrigins - 1; k >= 0; k--) {
            int length = newest - k * longStep;
            if (length >= minLength && length < n) {
                origins.add(new LongOrigin(length, Math.min(LONG_HORIZON, n - length)));
            }
        }
        return origins;
    }

    /** The LSTM scored on the short origins of a series of {@code n} days is trained on its first days only. */
    public int holdoutStart(int n) {
        return Math.max(0, n - holdoutDays);
    }
}
