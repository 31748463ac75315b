package org.stockcast.model.additive;

import java.util.SplittableRandom;

/**
 * Prophet's predictive intervals (sample_predictive_trend + observation noise): each sample path gets future
 * changepoints from a Poisson process on t > 1 at the historical rate (S per unit of scaled time), with
 * Laplace(0, mean |delta|) rate changes, plus N(0, sigma) noise; the interval is the pair of empirical quantiles.
 * Day-major so one day's samples sit in one small buffer (no samples x days matrix).
 */
final class Uncertainty {
    private Uncertainty() {
    }

    /** Returns {lower, upper} in the scaled units of {@code yhat}. */
    static double[][] intervals(double[] t, double[] yhat, double[] multiplier, double sigma, int changepoints,
                                double[] deltas, double width, int samples, long seed) {
        int days = t.length;
        double[] lower = new double[days];
        double[] upper = new double[days];
        if (samples <= 0 || days == 0) {
            return new double[][] {yhat.clone(), yhat.clone()};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double horizonEnd = t[days - 1];
        double lambda = meanAbs(deltas) + 1e-8;
        double[][] times = new double[samples][];
        double[][] changes = new double[samples][];
        for (int s = 0; s < samples; s++) {
            int count = horizonEnd > 1 ? poisson(random, changepoints * (horizonEnd - 1)) : 0;
            double[] ts = new double[count];
            double[] ds = new double[count];
            for (int c = 0; c < count; c++) {
                ts[c] = 1 + random.nextDouble() * (horizonEnd - 1);
            }
            java.util.Arrays.sort(ts);
            for (int c = 0; c < count; c++) {
                ds[c] = laplace(random, lambda);
            }
            times[s] = ts;
            changes[s] = ds;
        }
        double[] slope = new double[samples];
        double[] offset = new double[samples];
        int[] next = new int[samples];
        double[] buffer = new double[samples];
        double lowQ = (1 - width) / 2;
        double highQ = 1 - lowQ;
        for (int i = 0; i < days; i++) {
            double ti = t[i];
            double factor = multiplier[i];
            double base = yhat[i];
            for (int s = 0; s < samples; s++) {
                double[] ts = times[s];
                int c = next[s];
                if (c < ts.length && ts[c] <= ti) {
                    double[] ds = changes[s];
                    do {
                        slope[s] += ds[c];
                        offset[s] -= ds[c] * ts[c];
                        c++;
                    } while (c < ts.length && ts[c] <= ti);
                    next[s] = c;
                }
                double extraTrend = slope[s] * ti + offset[s];
                buffer[s] = base + extraTrend * factor + sigma * random.nextGaussian();
            }
            // consecutive days have nearly the same quantiles: yesterday's are today's first pivots
            lower[i] = Quantiles.quantile(buffer, lowQ, 0, i == 0 ? Double.NaN : lower[i - 1]);
            upper[i] = Quantiles.quantile(buffer, highQ, (int) Math.floor(lowQ * (samples - 1)) + 1,
                    i == 0 ? Double.NaN : upper[i - 1]);
        }
        return new double[][] {lower, upper};
    }

    private static double meanAbs(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : values) {
            sum += Math.abs(v);
        }
        return sum / values.length;
    }

    /** Knuth's method in chunks (a sum of Poissons is Poisson) so exp(-mean) never underflows. */
    static int poisson(SplittableRandom random, double mean) {
        int total = 0;
        double remaining = mean;
        while (remaining > 0) {
            double chunk = Math.min(remaining, 30.0);
            remaining -= chunk;
            double limit = Math.exp(-chunk);
            double product = random.nextDouble();
            while (product > limit) {
                total++;
                product *= random.nextDouble();
            }
        }
        return total;
    }

    static double laplace(SplittableRandom random, double scale) {
        double u = random.nextDouble() - 0.5;
        return -scale * Math.signum(u) * Math.log(Math.max(1 - 2 * Math.abs(u), Double.MIN_NORMAL));
    }
}
