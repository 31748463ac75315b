package org.stockcast.model.additive;

/**
 * Additive mode: yhat is linear in theta with features phi = [t, 1, (t - s_j)+, X], so RSS = y'y - 2 theta'b +
 * theta'G theta with G = Phi'Phi and b = Phi'y built once in O(n q^2); every later evaluation is O(q^2),
 * independent of the history length.
 */
final class GramLeastSquares implements LeastSquares {
    private final double[] gram;
    private final double[] phiY;
    private final double yy;
    private final int q;
    private final int n;

    GramLeastSquares(Design design) {
        this.n = design.t().length;
        this.q = design.parameters();
        this.gram = new double[q * q];
        this.phiY = new double[q];
        double[] phi = new double[q];
        double[] y = design.y();
        double sumYy = 0;
        for (int i = 0; i < n; i++) {
            design.additiveRow(i, phi);
            double yi = y[i];
            sumYy += yi * yi;
            for (int a = 0; a < q; a++) {
                double pa = phi[a];
                if (pa == 0.0) {
                    continue;
                }
                phiY[a] += pa * yi;
                int row = a * q;
                for (int b = a; b < q; b++) {
                    gram[row + b] += pa * phi[b];
                }
            }
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * q + b] = gram[b * q + a];
            }
        }
        this.yy = sumYy;
    }

    @Override
    public int observations() {
        return n;
    }

    @Override
    public double rss(double[] theta) {
        double quadratic = 0;
        double linear = 0;
        for (int a = 0; a < q; a++) {
            double sum = 0;
            int row = a * q;
            for (int b = 0; b < q; b++) {
                sum += gram[row + b] * theta[b];
            }
            quadratic += theta[a] * sum;
            linear += theta[a] * phiY[a];
        }
        return Math.max(0.0, yy - 2 * linear + quadratic);
    }

    @Override
    public double linearize(double[] theta, double[] jtj, double[] jtr) {
        System.arraycopy(gram, 0, jtj, 0, gram.length);
        for (int a = 0; a < q; a++) {
            double sum = 0;
            int row = a * q;
            for (int b = 0; b < q; b++) {
                sum += gram[row + b] * theta[b];
            }
            jtr[a] = phiY[a] - sum;
        }
        return rss(theta);
    }
}
