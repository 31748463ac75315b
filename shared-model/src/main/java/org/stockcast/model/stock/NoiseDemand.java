package org.stockcast.model.stock;

import org.stockcast.model.dataset.DailySeries;

/**
 * The fallback predictive distribution when the forecast has no backtest error paths (versions saved before them, a
 * cold start): the point forecast plus independent normal daily noise of the history's week-on-week sigma
 * ({@link InventoryAdvisor#dailyVariability}), so a total over d days is normal with sd sigma * sqrt(d), clipped at
 * 0. Its outcomes are that normal's k / (n + 1) quantiles: deterministic, and exact at the outcome knots.
 */
public final class NoiseDemand implements DemandDistribution {
    static final int OUTCOMES = 999;

    private final double[] mean;
    private final double sigma;

    public NoiseDemand(double[] mean, double sigma) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0, was " + sigma);
        }
        this.mean = mean.clone();
        this.sigma = sigma;
    }

    /** Noise from the history's week-on-week differences around {@code forecast}. */
    public static NoiseDemand of(DailySeries history, double[] forecast) {
        return new NoiseDemand(forecast, InventoryAdvisor.dailyVariability(history.values()));
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] totals(int days) {
        double total = DailyMean.over(mean, 0, days);
        double sd = sigma * Math.sqrt(days);
        double[] out = new double[OUTCOMES];
        for (int k = 0; k < OUTCOMES; k++) {
            out[k] = Math.max(0, total + sd * NormalQuantile.of((k + 1.0) / (OUTCOMES + 1)));
        }
        return out;
    }
}
