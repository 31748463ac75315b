package org.stockcast.model.additive;

/** Solves small symmetric positive-definite systems (row-major), adding diagonal jitter if a pivot fails. */
final class Cholesky {
    private Cholesky() {
    }

    /** Solves a x = b for an n x n row-major matrix; a and b are not modified. */
    static double[] solve(double[] a, double[] b, int n) {
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i * n + i]));
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[] l = factor(a, n, jitter);
            if (l != null) {
                return substitute(l, b, n);
            }
            // nearly collinear columns (e.g. a changepoint with no data after it): regularise just enough
            jitter = jitter == 0 ? 1e-12 * Math.max(maxDiagonal, 1e-300) : jitter * 100;
        }
        throw new ArithmeticException("matrix is not positive definite");
    }

    private static double[] factor(double[] a, int n, double jitter) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j] + jitter;
            for (int k = 0; k < j; k++) {
                diagonal -= l[j * n + k] * l[j * n + k];
            }
            if (!(diagonal > 0)) {
                return null;
            }
            double root = Math.sqrt(diagonal);
            l[j * n + j] = root;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = sum / root;
            }
        }
        return l;
    }

    private static double[] substitute(double[] l, double[] b, int n) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i * n + k] * z[k];
            }
            z[i] = sum / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = z[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k * n + i] * x[k];
            }
            x[i] = sum / l[i * n + i];
        }
        return x;
    }
}
