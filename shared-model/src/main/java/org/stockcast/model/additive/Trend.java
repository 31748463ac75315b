package org.stockcast.model.additive;

/** Prophet's piecewise-linear trend and changepoint placement, as pure functions on scaled time. */
final class Trend {
    private Trend() {
    }

    /**
     * Prophet's placement: {@code changepoints} potential changepoints at rounded, evenly spaced indexes over the
     * first {@code range} of the history, fewer when the history is short (at most floor(n * range) - 1).
     * Returns the row indexes (never index 0).
     */
    static int[] changepointIndexes(int historyDays, int changepoints, double range) {
        int histSize = (int) Math.floor(historyDays * range);
        int count = Math.min(changepoints, histSize - 1);
        if (count <= 0) {
            return new int[0];
        }
        int[] indexes = new int[count];
        for (int j = 1; j <= count; j++) {
            // numpy.linspace(0, histSize - 1, count + 1).round(): round half to even, as numpy does
            indexes[j - 1] = (int) Math.rint((double) j * (histSize - 1) / count);
        }
        return indexes;
    }

    /**
     * trend(t) = (k + sum_{s_j <= t} delta_j) * t + (m - sum_{s_j <= t} delta_j * s_j), evaluated for
     * ascending {@code t} in one pass. Changepoints must be ascending.
     */
    static double[] piecewiseLinear(double[] t, double k, double m, double[] changepoints, double[] deltas) {
        double[] trend = new double[t.length];
        double slope = k;
        double offset = m;
        int next = 0;
        for (int i = 0; i < t.length; i++) {
            while (next < changepoints.length && changepoints[next] <= t[i]) {
                slope += deltas[next];
                offset -= deltas[next] * changepoints[next];
                next++;
            }
            trend[i] = slope * t[i] + offset;
        }
        return trend;
    }
}
