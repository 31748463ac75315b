package org.stockcast.model.additive;

/**
 * Additive mode: yhat is linear in theta = [k, m, delta, beta] with features [t, 1, (t - s_j)+, X], so the
 * residual sum of squares is y'y - 2 theta'b + theta'G theta with G = Phi'Phi, b = Phi'y built once in O(n q^2).
 * Every later evaluation costs O(q^2), independent of the history length.
 */
final class GramObjective implements DifferentiableFunction {
    private final double[] gram;
    private final double[] phiY;
    private final double yy;
    private final int q;
    private final int n;
    private final int changepoints;
    private final double[] betaPrecision;
    private final double[] scratch;

    GramObjective(double[] t, double[] y, double[] changepointT, int[] changepointRows, double[] x, int columns,
                  double[] betaPrecision) {
        this.n = t.length;
        this.changepoints = changepointT.length;
        this.q = 2 + changepoints + columns;
        this.betaPrecision = betaPrecision;
        this.gram = new double[q * q];
        this.phiY = new double[q];
        this.scratch = new double[q];
        double[] phi = new double[q];
        double sumYy = 0;
        for (int i = 0; i < n; i++) {
            phi[0] = t[i];
            phi[1] = 1.0;
            for (int j = 0; j < changepoints; j++) {
                phi[2 + j] = i >= changepointRows[j] ? t[i] - changepointT[j] : 0.0;
            }
            System.arraycopy(x, i * columns, phi, 2 + changepoints, columns);
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
    public double valueAndGradient(double[] x, double[] gradient) {
        double thetaGTheta = 0;
        double thetaB = 0;
        for (int a = 0; a < q; a++) {
            double sum = 0;
            int row = a * q;
            for (int b = 0; b < q; b++) {
                sum += gram[row + b] * x[b];
            }
            scratch[a] = sum;
            thetaGTheta += x[a] * sum;
            thetaB += x[a] * phiY[a];
        }
        double rss = Math.max(0.0, yy - 2 * thetaB + thetaGTheta);
        java.util.Arrays.fill(gradient, 0.0);
        double value = Posterior.smoothPart(x, changepoints, betaPrecision, n, rss, gradient);
        double s2 = sq(Posterior.sigma(x[q]));
        for (int a = 0; a < q; a++) {
            gradient[a] += (scratch[a] - phiY[a]) / s2;
        }
        return value;
    }

    private static double sq(double v) {
        return v * v;
    }
}
