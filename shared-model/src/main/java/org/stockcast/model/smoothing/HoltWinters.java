package org.stockcast.model.smoothing;

import java.util.Arrays;

import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.forecaster.PointForecast;

/**
 * Damped-trend Holt-Winters (ETS(A,Ad,A), as statsmodels ExponentialSmoothing(trend='add', damped_trend=True,
 * seasonal='add') and forecast::ets(model='AAA', damped=TRUE)). The constants minimise the sum of squared
 * one-step-ahead errors (Nelder-Mead on a logistic transform of the ets bounds, phi in [0.8, 0.98]); the initial
 * states come from a classical decomposition of the first seasons and are not optimised, which keeps a fit of
 * 2,000 days to a few milliseconds of CPU.
 *
 * <p>Missing days are {@code Double.NaN}: leading ones are dropped, later ones contribute no error. Short histories
 * fall back: fewer than two full seasons (or a first or second season with no observed day) gives simple
 * exponential smoothing (a flat forecast: a trend or season from less than two cycles is mostly noise);
 * {@code season == 1} gives a damped trend without season from 4 days on. No observed day gives a flat 0.
 */
public final class HoltWinters {
    private static final double PHI_MIN = 0.8;
    private static final double PHI_MAX = 0.98;
    private static final double EDGE = 1e-4;
    private static final int MAX_EVALUATIONS = 600;
    private static final double TOLERANCE = 1e-8;

    private HoltWinters() {
    }

    /** Fits the model to daily values (NaN = missing) with a season of {@code season} days (7 for weekly). */
    public static FittedHoltWinters fit(double[] values, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be >= 1");
        }
        int first = 0;
        while (first < values.length && Double.isNaN(values[first])) {
            first++;
        }
        double[] y = Arrays.copyOfRange(values, first, values.length);
        if (y.length == 0) {
            return new FittedHoltWinters(SmoothingMode.LEVEL, new SmoothingParameters(EDGE, 0, 0, 1), 0, 0,
                    new double[] {0}, 0);
        }
        SmoothingMode mode = mode(y, season);
        Start start = start(y, season, mode);
        double[] best = NelderMead.minimise(x -> sse(y, start, mode, x), initialPoint(mode), 1.0,
                MAX_EVALUATIONS, TOLERANCE);
        // one restart from the best point: Nelder-Mead can stall on a collapsed simplex
        best = NelderMead.minimise(x -> sse(y, start, mode, x), best, 0.5, MAX_EVALUATIONS, TOLERANCE);
        SmoothingParameters p = parameters(mode, best);
        HoltWintersFilter.Result r = HoltWintersFilter.run(y, p, start.level(), start.trend(), start.seasonal());
        double sigma = r.observed() == 0 ? 0 : Math.sqrt(r.sse() / r.observed());
        return new FittedHoltWinters(mode, p, r.level(), r.trend(), r.nextSeasons(), sigma);
    }

    /** The backtest's view: refit on each history and forecast its horizon (raw values, no interval). */
    public static Forecaster forecaster(int season) {
        if (season < 1) {
            throw new IllegalArgumentException("season must be >= 1");
        }
        return (history, horizon) -> PointForecast.of(fit(history.values(), season).forecast(horizon));
    }

    static SmoothingMode mode(double[] y, int season) {
        if (season == 1) {
            return y.length >= 4 && observed(y, 0, y.length) >= 2 ? SmoothingMode.DAMPED_TREND : SmoothingMode.LEVEL;
        }
        if (y.length >= 2 * season && observed(y, 0, season) > 0 && observed(y, season, 2 * season) > 0) {
            return SmoothingMode.SEASONAL_DAMPED;
        }
        return SmoothingMode.LEVEL;
    }

    /** Initial states: the state "before" the first value, from which the first one-step forecast is made. */
    record Start(double level, double trend, double[] seasonal) {
    }

    static Start start(double[] y, int season, SmoothingMode mode) {
        return switch (mode) {
            case SEASONAL_DAMPED -> classicalSeasonalStart(y, season);
            case DAMPED_TREND -> holtStart(y);
            case LEVEL -> new Start(firstObserved(y), 0, new double[] {0});
        };
    }

    /**
     * Classical-decomposition start, as forecast::ets's heuristic (Hyndman et al. 2008, sec. 2.6.1): a centred
     * moving average of one season over the first 2-5 seasons is the trend-cycle; the mean deviation from it per
     * day of the season, centred to sum 0, is the initial season; a straight line through the first 10
     * seasonally adjusted days gives the level (at time 0, just before the first day) and the trend. The centred
     * average, unlike a line through the season means, is unbiased for the season when the trend is damped.
     */
    static Start classicalSeasonalStart(double[] y, int m) {
        int n0 = Math.min(y.length / m, 5) * m;
        double[] seasonal = new double[m];
        double[] sums = new double[m];
        int[] counts = new int[m];
        int half = m / 2;
        for (int t = half; t < n0 - half; t++) {
            double v = y[t];
            double trendCycle = centredMean(y, t, m);
            if (!Double.isNaN(v) && !Double.isNaN(trendCycle)) {
                sums[t % m] += v - trendCycle;
                counts[t % m]++;
            }
        }
        double centre = 0;
        for (int j = 0; j < m; j++) {
            seasonal[j] = counts[j] == 0 ? 0 : sums[j] / counts[j];
            centre += seasonal[j] / m;
        }
        for (int j = 0; j < m; j++) {
            seasonal[j] -= centre;
        }
        // least-squares line a + b (t + 1) through the first 10 adjusted days: level0 = a, trend0 = b
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int t = 0; t < Math.min(10, y.length); t++) {
            if (!Double.isNaN(y[t])) {
                double x = t + 1;
                double adjusted = y[t] - seasonal[t % m];
                sx += x;
                sy += adjusted;
                sxx += x * x;
                sxy += x * adjusted;
                count++;
            }
        }
        double denominator = count * sxx - sx * sx;
        double trend = count < 2 || denominator == 0 ? 0 : (count * sxy - sx * sy) / denominator;
        double level = (sy - trend * sx) / count;
        return new Start(level, trend, seasonal);
    }

    /** Centred moving mean of one season around t (2 x m for even m), NaN days left out; NaN if none. */
    private static double centredMean(double[] y, int t, int m) {
        int half = m / 2;
        double sum = 0;
        double weight = 0;
        for (int k = -half; k <= half; k++) {
            double v = y[t + k];
            double w = m % 2 == 0 && Math.abs(k) == half ? 0.5 : 1;
            if (!Double.isNaN(v)) {
                sum += w * v;
                weight += w;
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }

    /** Holt's start: the slope between the first two observed values; level one step before the first. */
    private static Start holtStart(double[] y) {
        int i = 0;
        int j = 1;
        while (Double.isNaN(y[j])) {
            j++;
        }
        double trend = (y[j] - y[i]) / (j - i);
        return new Start(y[i] - trend, trend, new double[] {0});
    }

    private static double sse(double[] y, Start start, SmoothingMode mode, double[] x) {
        double sse = HoltWintersFilter.run(y, parameters(mode, x), start.level(), start.trend(), start.seasonal())
                .sse();
        return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
    }

    static SmoothingParameters parameters(SmoothingMode mode, double[] x) {
        double alpha = EDGE + (1 - 2 * EDGE) * logistic(x[0]);
        return switch (mode) {
            case SEASONAL_DAMPED -> new SmoothingParameters(alpha, alpha * logistic(x[1]),
                    (1 - alpha) * logistic(x[2]), PHI_MIN + (PHI_MAX - PHI_MIN) * logistic(x[3]));
            case DAMPED_TREND -> new SmoothingParameters(alpha, alpha * logistic(x[1]), 0,
                    PHI_MIN + (PHI_MAX - PHI_MIN) * logistic(x[2]));
            case LEVEL -> new SmoothingParameters(alpha, 0, 0, 1);
        };
    }

    /** alpha 0.2, beta 0.1 alpha, gamma 0.1 (1 - alpha), phi 0.95: the usual moderate starting constants. */
    private static double[] initialPoint(SmoothingMode mode) {
        double a = logit((0.2 - EDGE) / (1 - 2 * EDGE));
        double fraction = logit(0.1);
        double phi = logit((0.95 - PHI_MIN) / (PHI_MAX - PHI_MIN));
        return switch (mode) {
            case SEASONAL_DAMPED -> new double[] {a, fraction, fraction, phi};
            case DAMPED_TREND -> new double[] {a, fraction, phi};
            case LEVEL -> new double[] {a};
        };
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double mean(double[] y, int from, int to) {
        double sum = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(y[i])) {
                sum += y[i];
                count++;
            }
        }
        return sum / count;
    }

    private static int observed(double[] y, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(y[i])) {
                count++;
            }
        }
        return count;
    }

    private static double firstObserved(double[] y) {
        for (double v : y) {
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return 0;
    }
}
