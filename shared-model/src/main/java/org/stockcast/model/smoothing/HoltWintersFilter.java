package org.stockcast.model.smoothing;

/**
 * The ETS(A,Ad,A) recursion in error-correction form, a pure function of the data, the constants and the initial
 * states. Simpler modes run through the same code: no season = one seasonal slot fixed at 0 (gamma 0), no trend =
 * trend 0 (beta 0). A missing day (NaN) has no error: the states move on with their one-step forecast.
 */
final class HoltWintersFilter {
    private HoltWintersFilter() {
    }

    /** Final states after the last value and the sum of squared one-step errors over the observed days. */
    record Result(double level, double trend, double[] nextSeasons, double sse, int observed) {
    }

    /**
     * {@code seasonal[j]} is the seasonal state that the values at positions j, j + m, ... start from
     * (m = seasonal.length). The returned {@code nextSeasons[k]} is the season of the (k+1)-th day after the end.
     */
    static Result run(double[] values, SmoothingParameters p, double level0, double trend0, double[] seasonal) {
        int m = seasonal.length;
        double[] s = seasonal.clone();
        double level = level0;
        double trend = trend0;
        double sse = 0;
        int observed = 0;
        double alpha = p.alpha();
        double beta = p.beta();
        double gamma = p.gamma();
        double phi = p.phi();
        for (int t = 0; t < values.length; t++) {
            int slot = t % m;
            double damped = phi * trend;
            double y = values[t];
            double e = 0;
            if (!Double.isNaN(y)) {
                e = y - (level + damped + s[slot]);
                sse += e * e;
                observed++;
            }
            level = level + damped + alpha * e;
            trend = damped + beta * e;
            s[slot] += gamma * e;
        }
        double[] next = new double[m];
        for (int k = 0; k < m; k++) {
            next[k] = s[(values.length + k) % m];
        }
        return new Result(level, trend, next, sse, observed);
    }

    /** h-step forecasts, h = 1..days: level + (phi + ... + phi^h) trend + season of that day. */
    static double[] forecast(double level, double trend, double phi, double[] nextSeasons, int days) {
        double[] out = new double[days];
        double phiSum = 0;
        double phiPower = 1;
        for (int h = 0; h < days; h++) {
            phiPower *= phi;
            phiSum += phiPower;
            out[h] = level + phiSum * trend + nextSeasons[h % nextSeasons.length];
        }
        return out;
    }
}
