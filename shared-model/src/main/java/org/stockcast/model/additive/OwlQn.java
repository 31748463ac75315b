package org.stockcast.model.additive;

import java.util.Arrays;

/**
 * Minimises f(x) + sum_i l1[i] * |x[i]| with OWL-QN (Andrew and Gao 2007): L-BFGS on the smooth part, steps kept
 * inside the orthant chosen by the pseudo-gradient, so L1 coordinates reach exact zeros. With all l1 weights zero
 * it is plain L-BFGS with a backtracking Armijo line search. Deterministic.
 */
final class OwlQn {
    private static final int HISTORY = 8;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 60;

    record Result(double[] x, double value, int iterations, boolean converged) {
    }

    private OwlQn() {
    }

    /**
     * Stops when the relative decrease of the objective stays below {@code relTolerance} for two consecutive
     * iterations, when the largest pseudo-gradient component is below {@code gradTolerance}, or after
     * {@code maxIterations}.
     */
    static Result minimize(DifferentiableFunction f, double[] x0, double[] l1, int maxIterations,
                           double relTolerance, double gradTolerance) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g) + l1Norm(x, l1);
        double[][] sHist = new double[HISTORY][n];
        double[][] yHist = new double[HISTORY][n];
        double[] rho = new double[HISTORY];
        int stored = 0;
        int head = 0;
        double[] pg = new double[n];
        double[] d = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        double[] alphaHist = new double[HISTORY];
        int smallSteps = 0;
        for (int iter = 0; iter < maxIterations; iter++) {
            pseudoGradient(x, g, l1, pg);
            if (maxAbs(pg) < gradTolerance) {
                return new Result(x, fx, iter, true);
            }
            twoLoop(pg, sHist, yHist, rho, alphaHist, stored, head, d);
            constrainDirection(d, pg, l1);
            double slope = dot(pg, d);
            if (!(slope < 0)) {
                // history gave no descent direction: restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -pg[i];
                }
                slope = dot(pg, d);
            }
            double[] orthant = orthant(x, pg, l1);
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.sqrt(-slope)) : 1.0;
            double fn = Double.NaN;
            boolean accepted = false;
            for (int b = 0; b < MAX_BACKTRACKS; b++) {
                for (int i = 0; i < n; i++) {
                    double v = x[i] + step * d[i];
                    if (l1[i] > 0 && Math.signum(v) != orthant[i]) {
                        v = 0.0;
                    }
                    xn[i] = v;
                }
                fn = f.valueAndGradient(xn, gn) + l1Norm(xn, l1);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += pg[i] * (xn[i] - x[i]);
                }
                if (Double.isFinite(fn) && fn <= fx + ARMIJO * decrease) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                return new Result(x, fx, iter, true);
            }
            double sy = 0;
            double yy = 0;
            double[] s = sHist[head];
            double[] y = yHist[head];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
                sy += s[i] * y[i];
                yy += y[i] * y[i];
            }
            if (sy > 1e-16 * yy && yy > 0) {
                rho[head] = 1.0 / sy;
                head = (head + 1) % HISTORY;
                stored = Math.min(stored + 1, HISTORY);
            }
            double relDecrease = (fx - fn) / Math.max(1.0, Math.abs(fn));
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            smallSteps = relDecrease < relTolerance ? smallSteps + 1 : 0;
            if (smallSteps >= 2) {
                return new Result(x, fx, iter + 1, true);
            }
        }
        return new Result(x, fx, maxIterations, false);
    }

    /** d = -H * pg with the stored curvature pairs, newest first; initial scaling s'y / y'y. */
    private static void twoLoop(double[] pg, double[][] sHist, double[][] yHist, double[] rho, double[] alpha,
                                int stored, int head, double[] d) {
        int n = pg.length;
        for (int i = 0; i < n; i++) {
            d[i] = -pg[i];
        }
        for (int j = 0; j < stored; j++) {
            int idx = Math.floorMod(head - 1 - j, HISTORY);
            alpha[idx] = rho[idx] * dot(sHist[idx], d);
            double a = alpha[idx];
            double[] y = yHist[idx];
            for (int i = 0; i < n; i++) {
                d[i] -= a * y[i];
            }
        }
        if (stored > 0) {
            int newest = Math.floorMod(head - 1, HISTORY);
            double[] y = yHist[newest];
            double gamma = 1.0 / (rho[newest] * dot(y, y));
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
        }
        for (int j = stored - 1; j >= 0; j--) {
            int idx = Math.floorMod(head - 1 - j, HISTORY);
            double beta = rho[idx] * dot(yHist[idx], d);
            double c = alpha[idx] - beta;
            double[] s = sHist[idx];
            for (int i = 0; i < n; i++) {
                d[i] += c * s[i];
            }
        }
    }

    static void pseudoGradient(double[] x, double[] g, double[] l1, double[] pg) {
        for (int i = 0; i < x.length; i++) {
            double c = l1[i];
            if (c == 0) {
                pg[i] = g[i];
            } else if (x[i] > 0) {
                pg[i] = g[i] + c;
            } else if (x[i] < 0) {
                pg[i] = g[i] - c;
            } else if (g[i] + c < 0) {
                pg[i] = g[i] + c;
            } else if (g[i] - c > 0) {
                pg[i] = g[i] - c;
            } else {
                pg[i] = 0;
            }
        }
    }

    private static void constrainDirection(double[] d, double[] pg, double[] l1) {
        for (int i = 0; i < d.length; i++) {
            if (l1[i] > 0 && d[i] * pg[i] >= 0) {
                d[i] = 0;
            }
        }
    }

    private static double[] orthant(double[] x, double[] pg, double[] l1) {
        double[] xi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (l1[i] > 0) {
                xi[i] = x[i] != 0 ? Math.signum(x[i]) : Math.signum(-pg[i]);
            }
        }
        return xi;
    }

    static double l1Norm(double[] x, double[] l1) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += l1[i] * Math.abs(x[i]);
        }
        return sum;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double maxAbs(double[] a) {
        return Arrays.stream(a).map(Math::abs).max().orElse(0);
    }
}
