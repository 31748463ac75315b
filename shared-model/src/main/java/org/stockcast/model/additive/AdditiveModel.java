package org.stockcast.model.additive;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.dataset.DailySeries;

/** Entry point: fit a Prophet-style model (MAP estimate) to a daily series. Deterministic. */
public final class AdditiveModel {
    private static final Logger LOG = LoggerFactory.getLogger(AdditiveModel.class);
    /** Prophet's 'auto' rule: a yearly seasonality from a history spanning two years (last day - first day). */
    public static final int YEARLY_SPAN = 730;
    /** The least span a yearly seasonality can be fitted on: one whole year. */
    public static final int ONE_YEAR_SPAN = 365;

    private AdditiveModel() {
    }

    /**
     * Missing days (NaN) are left out of the fit, as Prophet drops rows whose y is NaN: time stays on the whole
     * span (so the model's dates and seasonality phases are the series'), changepoints are placed among the
     * observed days, and only observed days enter the least squares. At least one day must be observed.
     */
    public static FittedAdditiveModel fit(DailySeries series, AdditiveConfig config) {
        return fit(series, config, YEARLY_SPAN);
    }

    /** As {@link #fit(DailySeries, AdditiveConfig)}, with yearly seasonality from a span of {@code yearlySpan} days. */
    static FittedAdditiveModel fit(DailySeries series, AdditiveConfig config, int yearlySpan) {
        validate(series, config);
        int n = series.length();
        double[] y = series.values();
        int[] observed = observedRows(y);
        if (observed.length == 0) {
            throw new IllegalArgumentException("every day from " + series.start() + " to " + series.end()
                    + " is missing; nothing to fit");
        }
        int m = observed.length;
        double yScale = 0;
        for (int row : observed) {
            yScale = Math.max(yScale, Math.abs(y[row]));
        }
        if (yScale == 0) {
            yScale = 1; // Prophet does the same for an all-zero series
        }
        // Prophet divides by (last - first); one point has no span, so use one day
        double timeScale = Math.max(n - 1, 1);
        double[] ys = new double[m];
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            ys[i] = y[observed[i]] / yScale;
            t[i] = observed[i] / timeScale;
        }
        // indexes into the observed rows; their time is that of the day they fall on
        int[] changepointRows = Trend.changepointIndexes(m, config.changepoints(), config.changepointRange());
        double[] changepointT = new double[Math.max(1, changepointRows.length)];
        for (int j = 0; j < changepointRows.length; j++) {
            changepointT[j] = t[changepointRows[j]];
        }
        if (changepointRows.length == 0) {
            changepointRows = new int[] {0}; // Prophet's dummy changepoint at t = 0
        }
        FeatureLayout layout = FeatureLayout.forHistory(n, config, yearlySpan);
        int columns = layout.columns();
        Design design = new Design(t, ys, changepointT, changepointRows,
                observedFeatures(layout.features(series.start().toEpochDay(), n), columns, observed, n), columns);
        int s = changepointT.length;
        double[] precision = Posterior.precisions(s, layout.priorPrecisions(config));
        double[] l1 = Posterior.l1Weights(s, columns, config.changepointPriorScale());

        double[] start = new double[design.parameters()];
        // Prophet's linear_growth_init: the line through the first and last points
        start[0] = m > 1 ? (ys[m - 1] - ys[0]) / (t[m - 1] - t[0]) : 0;
        start[1] = ys[0];
        MapFit.Result result = MapFit.fit(new GramLeastSquares(design), start, precision, l1);
        LOG.debug("additive MAP: {} days, {} iterations", n, result.iterations());
        if (config.mode() == SeasonalityMode.MULTIPLICATIVE) {
            result = MapFit.fit(new DataLeastSquares(design, SeasonalityMode.MULTIPLICATIVE),
                    multiplicativeStart(design, result.theta()), precision, l1);
            LOG.debug("multiplicative MAP: {} iterations", result.iterations());
        }
        double[] theta = result.theta();
        double[] deltas = Arrays.copyOfRange(theta, 2, 2 + s);
        double[] beta = Arrays.copyOfRange(theta, 2 + s, 2 + s + columns);
        return new FittedAdditiveModel(config, series.start(), n, timeScale, yScale, layout, theta[0], theta[1],
                changepointT, deltas, beta, result.sigma());
    }

    /** Indexes of the days with a value (not NaN). */
    static int[] observedRows(double[] y) {
        int count = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        int[] rows = new int[count];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    /** The rows of the row-major feature matrix for the observed days (the matrix itself when all are). */
    private static double[] observedFeatures(double[] x, int columns, int[] observed, int n) {
        if (observed.length == n) {
            return x;
        }
        double[] out = new double[observed.length * columns];
        for (int i = 0; i < observed.length; i++) {
            System.arraycopy(x, observed[i] * columns, out, i * columns, columns);
        }
        return out;
    }

    /**
     * The additive optimum with seasonal coefficients divided by the mean trend (the same seasonal amplitude
     * expressed relative to the trend): a start close to the multiplicative optimum, so few O(n) iterations.
     */
    private static double[] multiplicativeStart(Design design, double[] additiveTheta) {
        double[] start = additiveTheta.clone();
        double meanTrend = Arrays.stream(design.trend(start)).average().orElse(0);
        for (int c = design.trendParameters(); c < start.length; c++) {
            start[c] = Math.abs(meanTrend) > 1e-3 ? start[c] / meanTrend : 0;
        }
        return start;
    }

    /** Fit-and-forecast adapter for {@link org.stockcast.model.backtest.Backtest} and ensembles. */
    public static Forecaster forecaster(AdditiveConfig config) {
        return (history, horizon) -> fit(history, config).predict(horizon).toPointForecast();
    }

    /**
     * The additive model as a backtest of a series of {@code seriesDays} days must score it: the model served on
     * two years or more fits a yearly seasonality, so every origin with a whole year of history fits one too.
     * Prophet's rule at each origin would score a model without it on every origin of the series' third year (on
     * a strongly seasonal series 3x worse beyond 91 days than the one served: BENCHMARKS.md, issue 15, session 22).
     */
    public static Forecaster backtestForecaster(AdditiveConfig config, int seriesDays) {
        int yearlySpan = servedWithYearly(seriesDays) ? ONE_YEAR_SPAN : YEARLY_SPAN;
        return (history, horizon) -> fit(history, config, yearlySpan).predict(horizon).toPointForecast();
    }

    /** Whether the model fitted on {@code days} days of history has a yearly seasonality (Prophet's auto rule). */
    public static boolean servedWithYearly(int days) {
        return days - 1L >= YEARLY_SPAN;
    }

    private static void validate(DailySeries series, AdditiveConfig config) {
        if (series == null || series.length() == 0) {
            throw new IllegalArgumentException("cannot fit an empty series");
        }
        for (int i = 0; i < series.length(); i++) {
            if (Double.isInfinite(series.values()[i])) {
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
            if (day.name() == null || day.name().isBlank() || day.daysBefore() < 0 || day.daysAfter() < 0
                    || day.dates().isEmpty()) {
                throw new IllegalArgumentException("special day " + day.name()
                        + " needs a name, dates and non-negative windows");
            }
        }
        if (config.mode() == null) {
            throw new IllegalArgumentException("mode is required");
        }
    }
}
