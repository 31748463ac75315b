package org.stockcast.model.additive;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.backtest.Forecaster;
import org.stockcast.model.backtest.PointForecast;
import org.stockcast.model.dataset.DailySeries;

/** Entry point: fit a Prophet-style model (MAP estimate) to a daily series. Deterministic. */
public final class AdditiveModel {
    private static final Logger LOG = LoggerFactory.getLogger(AdditiveModel.class);
    private static final int MAX_ITERATIONS = 10_000;
    private static final double REL_TOLERANCE = 1e-12;
    private static final double GRAD_TOLERANCE = 1e-8;

    private AdditiveModel() {
    }

    public static FittedAdditiveModel fit(DailySeries series, AdditiveConfig config) {
        validate(series, config);
        int n = series.length();
        double[] y = series.values();
        double yScale = 0;
        for (double v : y) {
            yScale = Math.max(yScale, Math.abs(v));
        }
        if (yScale == 0) {
            yScale = 1; // Prophet does the same for an all-zero series
        }
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y[i] / yScale;
        }
        // Prophet divides by (last - first); one point has no span, so use one day
        double timeScale = Math.max(n - 1, 1);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / timeScale;
        }
        int[] changepointRows = Trend.changepointIndexes(n, config.changepoints(), config.changepointRange());
        if (changepointRows.length == 0) {
            changepointRows = new int[] {0}; // Prophet's dummy changepoint at t = 0
        }
        double[] changepointT = new double[changepointRows.length];
        for (int j = 0; j < changepointRows.length; j++) {
            changepointT[j] = changepointRows[j] / timeScale;
        }
        FeatureLayout layout = FeatureLayout.forHistory(n, config);
        int columns = layout.columns();
        double[] x = layout.features(series.start().toEpochDay(), n);
        double[] precision = layout.priorPrecisions(config);
        int s = changepointT.length;
        double[] l1 = Posterior.l1Weights(s, columns, config.changepointPriorScale());

        double[] start = new double[Posterior.size(s, columns)];
        // Prophet's linear_growth_init: the line through the first and last points
        start[0] = n > 1 ? (ys[n - 1] - ys[0]) / (t[n - 1] - t[0]) : 0;
        start[1] = ys[0];
        start[start.length - 1] = Posterior.u(1.0);

        GramObjective additive = new GramObjective(t, ys, changepointT, changepointRows, x, columns, precision);
        OwlQn.Result result = OwlQn.minimize(additive, start, l1, MAX_ITERATIONS, REL_TOLERANCE, GRAD_TOLERANCE);
        LOG.debug("additive MAP: {} days, {} iterations, converged={}", n, result.iterations(), result.converged());
        double[] params = result.x();
        if (config.mode() == SeasonalityMode.MULTIPLICATIVE) {
            params = fitMultiplicative(t, ys, changepointT, changepointRows, x, columns, precision, l1, params);
        }
        double[] deltas = Arrays.copyOfRange(params, 2, 2 + s);
        double[] beta = Arrays.copyOfRange(params, 2 + s, 2 + s + columns);
        return new FittedAdditiveModel(config, series.start(), n, timeScale, yScale, layout, params[0], params[1],
                changepointT, deltas, beta, Posterior.sigma(params[params.length - 1]));
    }

    /**
     * Starts from the additive optimum with seasonal coefficients divided by the mean trend (the same seasonal
     * amplitude expressed relative to the trend): same objective, far fewer O(n) iterations than a cold start.
     */
    private static double[] fitMultiplicative(double[] t, double[] ys, double[] changepointT, int[] changepointRows,
                                              double[] x, int columns, double[] precision, double[] l1,
                                              double[] additiveParams) {
        int s = changepointT.length;
        double[] start = additiveParams.clone();
        double[] trend = Trend.piecewiseLinear(t, start[0], start[1], changepointT,
                Arrays.copyOfRange(start, 2, 2 + s));
        double meanTrend = Arrays.stream(trend).average().orElse(0);
        for (int c = 0; c < columns; c++) {
            start[2 + s + c] = Math.abs(meanTrend) > 1e-3 ? start[2 + s + c] / meanTrend : 0;
        }
        DataObjective objective = new DataObjective(t, ys, changepointT, changepointRows, x, columns, precision,
                SeasonalityMode.MULTIPLICATIVE);
        OwlQn.Result result = OwlQn.minimize(objective, start, l1, MAX_ITERATIONS, REL_TOLERANCE, GRAD_TOLERANCE);
        LOG.debug("multiplicative MAP: {} iterations, converged={}", result.iterations(), result.converged());
        return result.x();
    }

    /** Fit-and-forecast adapter for {@link org.stockcast.model.backtest.Backtest} and ensembles. */
    public static Forecaster forecaster(AdditiveConfig config) {
        return (history, horizon) -> {
            AdditiveForecast forecast = fit(history, config).predict(horizon);
            return new PointForecast(forecast.yhat(), forecast.lower(), forecast.upper());
        };
    }

    private static void validate(DailySeries series, AdditiveConfig config) {
        if (series == null || series.length() == 0) {
            throw new IllegalArgumentException("cannot fit an empty series");
        }
        for (int i = 0; i < series.length(); i++) {
            if (!Double.isFinite(series.values()[i])) {
                throw new IllegalArgumentException("value on " + series.date(i) + " is not finite");
            }
        }
        if (config.changepoints() < 0 || !(config.changepointRange() > 0 && config.changepointRange() <= 1)) {
            throw new IllegalArgumentException("changepoints must be >= 0 and changepointRange in (0, 1]");
        }
        if (!(config.changepointPriorScale() > 0 && config.seasonalityPriorScale() > 0
                && config.holidaysPriorScale() > 0)) {
            throw new IllegalArgumentException("prior scales must be > 0");
        }
        if (config.yearlyOrder() < 0 || config.weeklyOrder() < 0) {
            throw new IllegalArgumentException("Fourier orders must be >= 0");
        }
        if (!(config.intervalWidth() > 0 && config.intervalWidth() < 1) || config.uncertaintySamples() < 0) {
            throw new IllegalArgumentException("intervalWidth must be in (0, 1) and uncertaintySamples >= 0");
        }
        for (SpecialDay day : config.specialDays()) {
            if (day.daysBefore() < 0 || day.daysAfter() < 0 || day.dates().isEmpty()) {
                throw new IllegalArgumentException("special day " + day.name()
                        + " needs dates and non-negative windows");
            }
        }
        if (config.mode() == null) {
            throw new IllegalArgumentException("mode is required");
        }
    }
}
