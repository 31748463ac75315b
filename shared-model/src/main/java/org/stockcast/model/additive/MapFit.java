package org.stockcast.model.additive;

/**
 * MAP estimate of Prophet's model: Gauss-Newton on the data term with the priors kept exact, each step solved by
 * {@link FeatureSign} (exact L1 on the changepoint deltas), sigma profiled out in closed form, and a backtracking
 * line search on the true log-posterior so every accepted step improves it. In additive mode the data term is
 * quadratic and each step is exact given sigma; iterations only re-balance sigma. Deterministic.
 */
final class MapFit {
    record Result(double[] theta, double sigma, double value, int iterations) {
    }

    private static final int MAX_ITERATIONS = 200;
    private static final double REL_TOLERANCE = 1e-12;

    private MapFit() {
    }

    static Result fit(LeastSquares data, double[] start, double[] precision, double[] l1) {
        int q = start.length;
        int n = data.observations();
        double[] theta = start.clone();
        double[] jtj = new double[q * q];
        double[] jtr = new double[q];
        double[] a = new double[q * q];
        double[] c = new double[q];
        double rss = data.linearize(theta, jtj, jtr);
        double sigma = Posterior.optimalSigma(n, rss);
        double value = Posterior.value(n, rss, sigma, theta, precision, l1);
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double s2 = sigma * sigma;
            for (int i = 0; i < q; i++) {
                double jtjTheta = 0;
                for (int j = 0; j < q; j++) {
                    a[i * q + j] = jtj[i * q + j] / s2;
                    jtjTheta += jtj[i * q + j] * theta[j];
                }
                a[i * q + i] += precision[i];
                c[i] = (jtjTheta + jtr[i]) / s2;
            }
            double[] target = FeatureSign.solve(a, c, l1, theta);
            double step = 1.0;
            double[] trial = new double[q];
            double trialValue = Double.NaN;
            double trialRss = Double.NaN;
            boolean improved = false;
            for (int backtrack = 0; backtrack < 40; backtrack++) {
                for (int i = 0; i < q; i++) {
                    trial[i] = theta[i] + step * (target[i] - theta[i]);
                }
                trialRss = data.rss(trial);
                trialValue = Posterior.value(n, trialRss, Posterior.optimalSigma(n, trialRss), trial, precision,
                        l1);
                if (trialValue < value) {
                    improved = true;
                    break;
                }
                step *= 0.5;
            }
            if (!improved) {
                break;
            }
            double decrease = value - trialValue;
            theta = trial;
            rss = data.linearize(theta, jtj, jtr);
            sigma = Posterior.optimalSigma(n, rss);
            value = Posterior.value(n, rss, sigma, theta, precision, l1);
            if (decrease <= REL_TOLERANCE * Math.max(1.0, Math.abs(value))) {
                break;
            }
        }
        return new Result(theta, sigma, value, iteration);
    }
}
