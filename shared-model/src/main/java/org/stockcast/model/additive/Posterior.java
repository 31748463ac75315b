package org.stockcast.model.additive;

/**
 * Prophet's Stan model as a negative log-posterior (constants dropped, as Stan does):
 * k, m ~ N(0, 5); delta ~ Laplace(0, changepointPriorScale); beta ~ N(0, seasonality or holidays prior scale);
 * sigma ~ half-N(0, 0.5); y ~ N(yhat, sigma), all in scaled units (max |y| = 1).
 */
final class Posterior {
    /**
     * Lower bound on sigma (scaled units): a series the model fits exactly (constant, all zero, one point) would
     * otherwise send sigma to 0 and the log-posterior to infinity.
     */
    static final double SIGMA_FLOOR = 1e-3;
    static final double TREND_PRECISION = 1.0 / 25.0;
    private static final double SIGMA_PRECISION = 1.0 / 0.25;

    private Posterior() {
    }

    /** Gaussian prior precision per parameter: k, m; none on delta (Laplace); beta from the layout. */
    static double[] precisions(int changepoints, double[] betaPrecision) {
        double[] precision = new double[2 + changepoints + betaPrecision.length];
        precision[0] = TREND_PRECISION;
        precision[1] = TREND_PRECISION;
        System.arraycopy(betaPrecision, 0, precision, 2 + changepoints, betaPrecision.length);
        return precision;
    }

    /** L1 weights: 1 / tau on the deltas, 0 elsewhere. */
    static double[] l1Weights(int changepoints, int columns, double changepointPriorScale) {
        double[] l1 = new double[2 + changepoints + columns];
        for (int j = 0; j < changepoints; j++) {
            l1[2 + j] = 1.0 / changepointPriorScale;
        }
        return l1;
    }

    /** argmin over sigma >= floor of n log sigma + rss / (2 sigma^2) + 2 sigma^2 (closed form, stable). */
    static double optimalSigma(int n, double rss) {
        // sigma^2 = (-n + sqrt(n^2 + 16 rss)) / 8, written without cancellation
        double s2 = 2 * rss / (Math.sqrt((double) n * n + 16 * rss) + n);
        return Math.max(Math.sqrt(s2), SIGMA_FLOOR);
    }

    static double value(int n, double rss, double sigma, double[] theta, double[] precision, double[] l1) {
        double value = n * Math.log(sigma) + rss / (2 * sigma * sigma) + 0.5 * SIGMA_PRECISION * sigma * sigma;
        for (int j = 0; j < theta.length; j++) {
            value += 0.5 * precision[j] * theta[j] * theta[j] + l1[j] * Math.abs(theta[j]);
        }
        return value;
    }
}
