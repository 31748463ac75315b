package org.stockcast.model.additive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Immutable result of {@link AdditiveModel#fit}. Thread-safe. Parameters are kept in Prophet's scaled units
 * (t in [0, 1] over the history, y divided by {@link #yScale()}); forecasts are returned in series units.
 */
public final class FittedAdditiveModel {
    private final AdditiveConfig config;
    private final LocalDate historyStart;
    private final int historyDays;
    private final double timeScaleDays;
    private final double yScale;
    private final FeatureLayout layout;
    private final double k;
    private final double m;
    private final double[] changepoints;
    private final double[] deltas;
    private final double[] beta;
    private final double sigma;

    FittedAdditiveModel(AdditiveConfig config, LocalDate historyStart, int historyDays, double timeScaleDays,
                        double yScale, FeatureLayout layout, double k, double m, double[] changepoints,
                        double[] deltas, double[] beta, double sigma) {
        if (changepoints.length != deltas.length || beta.length != layout.columns()) {
            throw new IllegalArgumentException("parameter sizes do not match the model layout");
        }
        this.config = config;
        this.historyStart = historyStart;
        this.historyDays = historyDays;
        this.timeScaleDays = timeScaleDays;
        this.yScale = yScale;
        this.layout = layout;
        this.k = k;
        this.m = m;
        this.changepoints = changepoints.clone();
        this.deltas = deltas.clone();
        this.beta = beta.clone();
        this.sigma = sigma;
    }

    /** Last date of the training history; forecasts start the day after. */
    public LocalDate lastDate() {
        return historyStart.plusDays(historyDays - 1L);
    }

    public LocalDate historyStart() {
        return historyStart;
    }

    public int historyDays() {
        return historyDays;
    }

    public AdditiveConfig config() {
        return config;
    }

    /** {@code days} days starting the day after {@link #lastDate()}; intervals reproducible from the config seed. */
    public AdditiveForecast predict(int days) {
        return predict(lastDate().plusDays(1), days, config.seed());
    }

    /** As {@link #predict(int)} with another seed for the interval samples (the point forecast is the same). */
    public AdditiveForecast predict(int days, long seed) {
        return predict(lastDate().plusDays(1), days, seed);
    }

    /** Any run of days, inside the history (fitted values) or after it. */
    public AdditiveForecast predict(LocalDate from, int days) {
        return predict(from, days, config.seed());
    }

    public AdditiveForecast predict(LocalDate from, int days, long seed) {
        Components parts = components(from, days);
        double[][] interval = Uncertainty.intervals(parts.t(), parts.yhat(), parts.multiplier(), sigma,
                changepoints.length, deltas, config.intervalWidth(), config.uncertaintySamples(), seed);
        return new AdditiveForecast(from, scale(parts.yhat()), scale(interval[0]), scale(interval[1]),
                scale(parts.trend()), scale(parts.weekly()), scale(parts.yearly()), scale(parts.special()));
    }

    /**
     * The point forecast of {@link #predict(int)} without its interval: the interval's trend-path simulation costs
     * more than everything else, and a calibrated ensemble takes its bands from the backtest instead.
     */
    public double[] pointForecast(int days) {
        return scale(components(lastDate().plusDays(1), days).yhat());
    }

    /** Parts of a forecast in scaled units; multiplicative effects are times the trend, so they add up to yhat. */
    private record Components(double[] t, double[] trend, double[] yearly, double[] weekly, double[] special,
                              double[] multiplier, double[] yhat) {
    }

    private Components components(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0, was " + days);
        }
        long first = from.toEpochDay();
        long origin = historyStart.toEpochDay();
        double[] t = new double[days];
        for (int i = 0; i < days; i++) {
            t[i] = (first + i - origin) / timeScaleDays;
        }
        double[] trend = Trend.piecewiseLinear(t, k, m, changepoints, deltas);
        int columns = layout.columns();
        double[] x = layout.features(first, days);
        double[] yearly = block(x, days, columns, SeasonalitySpec.YEARLY);
        double[] weekly = block(x, days, columns, SeasonalitySpec.WEEKLY);
        double[] special = blockProduct(x, days, columns, layout.specialDaysOffset(), columns);
        boolean multiplicative = config.mode() == SeasonalityMode.MULTIPLICATIVE;
        double[] yhat = new double[days];
        double[] multiplier = new double[days];
        for (int i = 0; i < days; i++) {
            double seasonal = yearly[i] + weekly[i] + special[i];
            multiplier[i] = multiplicative ? 1 + seasonal : 1;
            yhat[i] = multiplicative ? trend[i] * (1 + seasonal) : trend[i] + seasonal;
            if (multiplicative) {
                // report seasonal effects in series units so the components add up to yhat
                yearly[i] *= trend[i];
                weekly[i] *= trend[i];
                special[i] *= trend[i];
            }
        }
        return new Components(t, trend, yearly, weekly, special, multiplier, yhat);
    }

    /** The fitted values over the whole history. */
    public AdditiveForecast fitted() {
        return predict(historyStart, historyDays);
    }

    /** Observation noise standard deviation in series units. */
    public double sigma() {
        return sigma * yScale;
    }

    /** Dates of the potential changepoints (the trend may bend there). */
    public List<LocalDate> changepointDates() {
        List<LocalDate> dates = new ArrayList<>();
        for (double c : changepoints) {
            dates.add(historyStart.plusDays(Math.round(c * timeScaleDays)));
        }
        return dates;
    }

    /** Rate changes at {@link #changepointDates()}, in series units per day. */
    public double[] changepointRateChanges() {
        double[] perDay = deltas.clone();
        for (int i = 0; i < perDay.length; i++) {
            perDay[i] *= yScale / timeScaleDays;
        }
        return perDay;
    }

    /** Initial growth rate in series units per day. */
    public double initialRatePerDay() {
        return k * yScale / timeScaleDays;
    }

    double k() {
        return k;
    }

    double m() {
        return m;
    }

    double scaledSigma() {
        return sigma;
    }

    double yScale() {
        return yScale;
    }

    double timeScaleDays() {
        return timeScaleDays;
    }

    FeatureLayout layout() {
        return layout;
    }

    double[] changepoints() {
        return changepoints.clone();
    }

    double[] deltas() {
        return deltas.clone();
    }

    double[] beta() {
        return beta.clone();
    }

    private double[] block(double[] x, int days, int columns, String name) {
        List<SeasonalitySpec> seasonalities = layout.seasonalities();
        for (int s = 0; s < seasonalities.size(); s++) {
            if (seasonalities.get(s).name().equals(name)) {
                int from = layout.seasonalityOffset(s);
                return blockProduct(x, days, columns, from, from + seasonalities.get(s).columns());
            }
        }
        return new double[days];
    }

    private double[] blockProduct(double[] x, int days, int columns, int from, int to) {
        double[] out = new double[days];
        for (int i = 0; i < days; i++) {
            double sum = 0;
            int row = i * columns;
            for (int c = from; c < to; c++) {
                sum += x[row + c] * beta[c];
            }
            out[i] = sum;
        }
        return out;
    }

    private double[] scale(double[] values) {
        double[] out = Arrays.copyOf(values, values.length);
        for (int i = 0; i < out.length; i++) {
            out[i] *= yScale;
        }
        return out;
    }
}
