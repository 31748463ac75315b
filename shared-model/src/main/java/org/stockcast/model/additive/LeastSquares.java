package org.stockcast.model.additive;

/**
 * The data term of the posterior as a (possibly nonlinear) least-squares problem in theta = [k, m, delta, beta]:
 * the residual sum of squares and its Gauss-Newton linearisation.
 */
interface LeastSquares {
    int observations();

    double rss(double[] theta);

    /** Fills J'J (q x q, row-major) and J'r (r = y - yhat) at theta; returns the RSS there. */
    double linearize(double[] theta, double[] jtj, double[] jtr);
}
