package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the ensemble's backtest puts its origins in a series of {@code n} days.
 * <ul>
 * <li>Short origins every {@code step} days over the last {@code holdoutDays} days (n - step, n - 2 step, ...), each
 * scored on the days up to the end of the data, at most {@code holdoutDays} ahead. The LSTM that is scored there was
 * trained only on data before the holdout ({@link #holdoutStart}).</li>
 * <li>Long origins {@code longStep} days apart, the newest {@value #LONG_HORIZON} days before the end, scored on days
 * 1 .. {@value #LONG_HORIZON} ahead, for the members refitted per origin: the only evidence beyond the holdout,
 * and errors from other seasons than the holdout's for the intervals.</li>
 * </ul>
 *
 * @param minTrainingDays history an origin needs before it (shorter ones are skipped)
 */
public record BacktestPlan(int holdoutDays, int step, int longOrigins, int longStep, int seasonality,
                           int minTrainingDays) {
    public static final int LONG_HORIZON = 365;

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

    /** Training lengths of the long origins, oldest first. */
    public List<Integer> longOrigins(int n) {
        List<Integer> lengths = new ArrayList<>();
        for (int k = longOrigins - 1; k >= 0; k--) {
            int length = n - LONG_HORIZON - k * longStep;
            if (length >= Math.max(minTrainingDays, LONG_HORIZON)) {
                lengths.add(length);
            }
        }
        return lengths;
    }

    /** The LSTM scored on the short origins of a series of {@code n} days is trained on its first days only. */
    public int holdoutStart(int n) {
        return Math.max(0, n - holdoutDays);
    }
}
