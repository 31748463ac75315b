package org.stockcast.model.additive;

/**
 * Prophet's Stan model as a negative log-posterior over x = [k, m, delta(S), beta(P), u]:
 * k, m ~ N(0, 5); delta ~ Laplace(0, tau) (the L1 part, handled by {@link OwlQn}); beta ~ N(0, prior scale);
 * sigma ~ half-N(0, 0.5); y ~ N(yhat, sigma). sigma = sqrt(floor^2 + exp(2u)) keeps sigma above a small floor,
 * so a series the model fits exactly (constant, all zero, one point) has a finite optimum instead of sigma -> 0.
 * Constants are dropped, as Stan does.
 */
final class Posterior {
    /** In units of the scaled series (max |y| = 1). */
    static final double SIGMA_FLOOR = 1e-3;
    private static final double TREND_PRECISION = 1.0 / 25.0;
    private static final double SIGMA_PRECISION = 1.0 / 0.25;

    private Posterior() {
    }

    static int size(int changepoints, int columns) {
        return 3 + changepoints + columns;
    }

    static double sigma(double u) {
        return Math.sqrt(SIGMA_FLOOR * SIGMA_FLOOR + Math.exp(2 * u));
    }

    /** Inverse of {@link #sigma}, for starting values. */
    static double u(double sigma) {
        double excess = Math.max(sigma * sigma - SIGMA_FLOOR * SIGMA_FLOOR, 1e-12);
        return 0.5 * Math.log(excess);
    }

    /** L1 weights for OWL-QN: 1 / tau on the deltas, 0 elsewhere. */
    static double[] l1Weights(int changepoints, int columns, double changepointPriorScale) {
        double[] l1 = new double[size(changepoints, columns)];
        for (int j = 0; j < changepoints; j++) {
            l1[2 + j] = 1.0 / changepointPriorScale;
        }
        return l1;
    }

    /**
     * The likelihood (given the residual sum of squares) plus the Gaussian priors; adds their gradient to
     * {@code gradient} except the RSS part of k, m, delta, beta, which the caller adds as (dRSS / 2 sigma^2).
     */
    static double smoothPart(double[] x, int changepoints, double[] betaPrecision, int n, double rss,
                             double[] gradient) {
        int betaStart = 2 + changepoints;
        int uIndex = betaStart + betaPrecision.length;
        double u = x[uIndex];
        double sigma = sigma(u);
        double s2 = sigma * sigma;
        double value = n * Math.log(sigma) + rss / (2 * s2) + 0.5 * SIGMA_PRECISION * s2;
        value += 0.5 * TREND_PRECISION * (x[0] * x[0] + x[1] * x[1]);
        gradient[0] += TREND_PRECISION * x[0];
        gradient[1] += TREND_PRECISION * x[1];
        for (int j = 0; j < betaPrecision.length; j++) {
            double b = x[betaStart + j];
            value += 0.5 * betaPrecision[j] * b * b;
            gradient[betaStart + j] += betaPrecision[j] * b;
        }
        double dSigma = n / sigma - rss / (s2 * sigma) + SIGMA_PRECISION * sigma;
        gradient[uIndex] = dSigma * Math.exp(2 * u) / sigma;
        return value;
    }
}
