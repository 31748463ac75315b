package org.stockcast.model.additive;

import java.util.Arrays;

/**
 * The residuals evaluated on the data, O(n q^2) per linearisation: needed for multiplicative mode,
 * yhat = trend * (1 + X beta), which is not linear in theta. Handles additive mode too (tests compare it with
 * {@link GramLeastSquares}).
 */
final class DataLeastSquares implements LeastSquares {
    private final Design design;
    private final boolean multiplicative;

    DataLeastSquares(Design design, SeasonalityMode mode) {
        this.design = design;
        this.multiplicative = mode == SeasonalityMode.MULTIPLICATIVE;
    }

    @Override
    public int observations() {
        return design.t().length;
    }

    @Override
    public double rss(double[] theta) {
        double[] trend = design.trend(theta);
        double[] seasonal = design.seasonal(theta);
        double[] y = design.y();
        double rss = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - yhat(trend[i], seasonal[i]);
            rss += r * r;
        }
        return rss;
    }

    @Override
    public double linearize(double[] theta, double[] jtj, double[] jtr) {
        int q = design.parameters();
        int trendParameters = design.trendParameters();
        double[] trend = design.trend(theta);
        double[] seasonal = design.seasonal(theta);
        double[] y = design.y();
        double[] row = new double[q];
        Arrays.fill(jtj, 0.0);
        Arrays.fill(jtr, 0.0);
        double rss = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - yhat(trend[i], seasonal[i]);
            rss += r * r;
            design.additiveRow(i, row);
            // d yhat / d trend-parameter = (1 + s) * phi; d yhat / d beta = trend * x
            double trendFactor = multiplicative ? 1 + seasonal[i] : 1;
            double seasonalFactor = multiplicative ? trend[i] : 1;
            for (int a = 0; a < trendParameters; a++) {
                row[a] *= trendFactor;
            }
            for (int a = trendParameters; a < q; a++) {
                row[a] *= seasonalFactor;
            }
            for (int a = 0; a < q; a++) {
                double ra = row[a];
                if (ra == 0.0) {
                    continue;
                }
                jtr[a] += ra * r;
                int offset = a * q;
                for (int b = a; b < q; b++) {
                    jtj[offset + b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < a; b++) {
                jtj[a * q + b] = jtj[b * q + a];
            }
        }
        return rss;
    }

    private double yhat(double trend, double seasonal) {
        return multiplicative ? trend * (1 + seasonal) : trend + seasonal;
    }
}
