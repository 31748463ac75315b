package org.stockcast.model.smoothing;

/**
 * A fitted damped Holt-Winters model: its mode, constants, final states and in-sample one-step residual sigma.
 * Immutable; {@link #forecast} returns raw values (they may be negative: clipping is the caller's business).
 */
public final class FittedHoltWinters {
    private final SmoothingMode mode;
    private final SmoothingParameters parameters;
    private final double level;
    private final double trend;
    private final double[] nextSeasons;
    private final double residualSigma;

    FittedHoltWinters(SmoothingMode mode, SmoothingParameters parameters, double level, double trend,
                      double[] nextSeasons, double residualSigma) {
        this.mode = mode;
        this.parameters = parameters;
        this.level = level;
        this.trend = trend;
        this.nextSeasons = nextSeasons.clone();
        this.residualSigma = residualSigma;
    }

    /** Forecasts for the {@code days} days after the history (day 0 = the first day after it). */
    public double[] forecast(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0");
        }
        return HoltWintersFilter.forecast(level, trend, parameters.phi(), nextSeasons, days);
    }

    /** Root mean squared one-step-ahead error over the observed days of the history (0 if none). */
    public double residualSigma() {
        return residualSigma;
    }

    public SmoothingMode mode() {
        return mode;
    }

    public SmoothingParameters parameters() {
        return parameters;
    }

    /** Level after the last day of the history. */
    public double level() {
        return level;
    }

    /** Trend after the last day of the history (0 without a trend). */
    public double trend() {
        return trend;
    }

    /** Seasonal states of the next season's days, index 0 = the first forecast day (one 0 without a season). */
    public double[] nextSeasons() {
        return nextSeasons.clone();
    }
}
