package org.stockcast.model.additive;

/**
 * Exact minimiser of 0.5 x'Ax - c'x + sum_j lambda_j |x_j| for a small positive-definite A (q x q, row-major),
 * by feature-sign search (Lee, Battle, Raina and Ng 2007): guess the signs of the L1 coordinates, solve the
 * resulting linear system on the active set, and walk back to the first sign change that lowers the objective.
 * Finite, deterministic, and L1 coordinates end exactly at zero. Coordinates with lambda_j = 0 are always active.
 */
final class FeatureSign {
    private FeatureSign() {
    }

    static double[] solve(double[] a, double[] c, double[] lambda, double[] start) {
        int q = c.length;
        double[] x = start.clone();
        boolean[] active = new boolean[q];
        double[] sign = new double[q];
        double maxScale = 0;
        for (int j = 0; j < q; j++) {
            active[j] = lambda[j] == 0 || x[j] != 0;
            sign[j] = Math.signum(x[j]);
            maxScale = Math.max(maxScale, Math.max(lambda[j], Math.abs(c[j])));
        }
        double tolerance = 1e-9 * Math.max(1.0, maxScale);
        double[] g = new double[q];
        boolean needStep = true;
        double current = objective(a, c, lambda, x);
        for (int iteration = 0; iteration < 20 * q + 50; iteration++) {
            boolean activated = !needStep;
            if (!needStep) {
                gradient(a, c, x, g);
                int best = -1;
                double worst = tolerance;
                for (int j = 0; j < q; j++) {
                    if (!active[j] && Math.abs(g[j]) - lambda[j] > worst) {
                        worst = Math.abs(g[j]) - lambda[j];
                        best = j;
                    }
                }
                if (best < 0) {
                    return x;
                }
                active[best] = true;
                sign[best] = -Math.signum(g[best]);
            }
            double[] target = activeSolution(a, c, lambda, active, sign);
            double bestValue = objective(a, c, lambda, target);
            double bestStep = 1.0;
            int crossing = -1;
            double[] trial = new double[q];
            for (int j = 0; j < q; j++) {
                if (lambda[j] > 0 && x[j] != 0 && Math.signum(target[j]) != Math.signum(x[j])) {
                    double step = x[j] / (x[j] - target[j]);
                    for (int i = 0; i < q; i++) {
                        trial[i] = x[i] + step * (target[i] - x[i]);
                    }
                    trial[j] = 0;
                    double value = objective(a, c, lambda, trial);
                    if (value < bestValue) {
                        bestValue = value;
                        bestStep = step;
                        crossing = j;
                    }
                }
            }
            if (!(bestValue < current)) {
                if (activated) {
                    return x; // no further progress representable in double precision
                }
                needStep = false; // the current point already solves this active set: check the others
                continue;
            }
            boolean signsHeld = true;
            for (int i = 0; i < q; i++) {
                x[i] += bestStep * (target[i] - x[i]);
                if (lambda[i] > 0 && active[i] && Math.signum(target[i]) != sign[i]) {
                    signsHeld = false;
                }
            }
            if (crossing >= 0) {
                x[crossing] = 0; // exactly zero where the step stopped
            }
            current = bestValue;
            for (int j = 0; j < q; j++) {
                if (lambda[j] > 0) {
                    active[j] = x[j] != 0;
                    sign[j] = Math.signum(x[j]);
                }
            }
            // after a full step with the guessed signs confirmed, the active set is optimal: look for new ones
            needStep = crossing >= 0 || !signsHeld;
        }
        return x;
    }

    /** Minimiser of the quadratic on the active set with the L1 terms fixed to lambda_j * sign_j * x_j. */
    private static double[] activeSolution(double[] a, double[] c, double[] lambda, boolean[] active, double[] sign) {
        int q = c.length;
        int[] index = new int[q];
        int m = 0;
        for (int j = 0; j < q; j++) {
            if (active[j]) {
                index[m++] = j;
            }
        }
        double[] sub = new double[m * m];
        double[] rhs = new double[m];
        for (int r = 0; r < m; r++) {
            int row = index[r];
            for (int s = 0; s < m; s++) {
                sub[r * m + s] = a[row * q + index[s]];
            }
            rhs[r] = c[row] - lambda[row] * sign[row];
        }
        double[] solution = Cholesky.solve(sub, rhs, m);
        double[] x = new double[q];
        for (int r = 0; r < m; r++) {
            x[index[r]] = solution[r];
        }
        return x;
    }

    private static void gradient(double[] a, double[] c, double[] x, double[] g) {
        int q = c.length;
        for (int i = 0; i < q; i++) {
            double sum = -c[i];
            for (int j = 0; j < q; j++) {
                sum += a[i * q + j] * x[j];
            }
            g[i] = sum;
        }
    }

    static double objective(double[] a, double[] c, double[] lambda, double[] x) {
        int q = c.length;
        double value = 0;
        for (int i = 0; i < q; i++) {
            if (x[i] == 0) {
                continue;
            }
            double ax = 0;
            for (int j = 0; j < q; j++) {
                ax += a[i * q + j] * x[j];
            }
            value += 0.5 * x[i] * ax - c[i] * x[i] + lambda[i] * Math.abs(x[i]);
        }
        return value;
    }
}
