package org.stockcast.model.additive;

/**
 * The scaled training data and its features: t in [0, 1], y / yScale, potential changepoints (scaled time and
 * first row at or after each), and the row-major seasonal/special-day feature matrix x (n x columns).
 * Parameters are theta = [k, m, delta_1..delta_S, beta_1..beta_columns].
 */
record Design(double[] t, double[] y, double[] changepointT, int[] changepointRows, double[] x, int columns) {

    int trendParameters() {
        return 2 + changepointT.length;
    }

    int parameters() {
        return trendParameters() + columns;
    }

    /** The additive-mode feature row: [t, 1, (t - s_j)+, x_i]. */
    void additiveRow(int i, double[] row) {
        row[0] = t[i];
        row[1] = 1.0;
        for (int j = 0; j < changepointT.length; j++) {
            row[2 + j] = i >= changepointRows[j] ? t[i] - changepointT[j] : 0.0;
        }
        System.arraycopy(x, i * columns, row, trendParameters(), columns);
    }

    double[] trend(double[] theta) {
        int s = changepointT.length;
        double[] deltas = new double[s];
        System.arraycopy(theta, 2, deltas, 0, s);
        return Trend.piecewiseLinear(t, theta[0], theta[1], changepointT, deltas);
    }

    double[] seasonal(double[] theta) {
        int n = t.length;
        int offset = trendParameters();
        double[] seasonal = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int row = i * columns;
            for (int c = 0; c < columns; c++) {
                sum += x[row + c] * theta[offset + c];
            }
            seasonal[i] = sum;
        }
        return seasonal;
    }
}
