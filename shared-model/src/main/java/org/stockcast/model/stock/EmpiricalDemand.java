package org.stockcast.model.stock;

/**
 * The forecast's own predictive distribution from its out-of-sample backtest error paths (actual - forecast per day
 * after a backtest origin, in units of this series, NaN unknown): a total over d days is the forecast's sum plus one
 * path's error summed over the same d days, clipped at 0. Paths shorter than d days or with a NaN in them are left
 * out. The outcomes are the paths' own: read at their k / (n + 1) knots they are prediction quantiles, and beyond
 * the largest {@link Outcomes} allows for their small number. With fewer than {@link #MIN_PATHS} usable paths (long
 * protection intervals, short histories) the totals are the fallback's.
 */
public final class EmpiricalDemand implements DemandDistribution {
    static final int MIN_PATHS = 8;

    private final double[] mean;
    private final ErrorPaths errorPaths;
    private final DemandDistribution fallback;

    public EmpiricalDemand(double[] mean, ErrorPaths errorPaths, DemandDistribution fallback) {
        this.mean = mean.clone();
        this.errorPaths = errorPaths;
        this.fallback = fallback;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] totals(int days) {
        double[] errors = new double[errorPaths.size()];
        int n = 0;
        for (int k = 0; k < errorPaths.size(); k++) {
            double sum = errorPaths.sum(k, days);
            if (!Double.isNaN(sum)) {
                errors[n++] = sum;
            }
        }
        if (n < MIN_PATHS) {
            return fallback.totals(days);
        }
        double forecast = DailyMean.over(mean, 0, days);
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = Math.max(0, forecast + errors[k]);
        }
        return out;
    }
}
