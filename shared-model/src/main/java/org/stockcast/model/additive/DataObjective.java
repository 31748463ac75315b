package org.stockcast.model.additive;

import java.util.Arrays;

/**
 * The posterior evaluated on the data, O(n (P + 1)) per call: needed for multiplicative mode,
 * yhat = trend * (1 + X beta), which is not linear in the parameters. Also serves additive mode (tests compare
 * it with {@link GramObjective}).
 */
final class DataObjective implements DifferentiableFunction {
    private final double[] t;
    private final double[] y;
    private final double[] changepointT;
    private final int[] changepointRows;
    private final double[] x;
    private final int columns;
    private final double[] betaPrecision;
    private final SeasonalityMode mode;
    private final double[] seasonal;
    private final double[] trend;
    private final double[] dTrend;

    DataObjective(double[] t, double[] y, double[] changepointT, int[] changepointRows, double[] x, int columns,
                  double[] betaPrecision, SeasonalityMode mode) {
        this.t = t;
        this.y = y;
        this.changepointT = changepointT;
        this.changepointRows = changepointRows;
        this.x = x;
        this.columns = columns;
        this.betaPrecision = betaPrecision;
        this.mode = mode;
        this.seasonal = new double[t.length];
        this.trend = new double[t.length];
        this.dTrend = new double[t.length];
    }

    @Override
    public double valueAndGradient(double[] params, double[] gradient) {
        int n = t.length;
        int s = changepointT.length;
        int betaStart = 2 + s;
        double sigma = Posterior.sigma(params[betaStart + columns]);
        double s2 = sigma * sigma;
        double slope = params[0];
        double offset = params[1];
        int next = 0;
        for (int i = 0; i < n; i++) {
            while (next < s && changepointRows[next] <= i) {
                slope += params[2 + next];
                offset -= params[2 + next] * changepointT[next];
                next++;
            }
            trend[i] = slope * t[i] + offset;
            double sum = 0;
            int row = i * columns;
            for (int c = 0; c < columns; c++) {
                sum += x[row + c] * params[betaStart + c];
            }
            seasonal[i] = sum;
        }
        Arrays.fill(gradient, 0.0);
        double rss = 0;
        boolean multiplicative = mode == SeasonalityMode.MULTIPLICATIVE;
        for (int i = 0; i < n; i++) {
            double yhat = multiplicative ? trend[i] * (1 + seasonal[i]) : trend[i] + seasonal[i];
            double r = y[i] - yhat;
            rss += r * r;
            double w = -r / s2;
            dTrend[i] = multiplicative ? w * (1 + seasonal[i]) : w;
            double dSeasonal = multiplicative ? w * trend[i] : w;
            int row = i * columns;
            for (int c = 0; c < columns; c++) {
                gradient[betaStart + c] += dSeasonal * x[row + c];
            }
        }
        // d/d delta_j = sum_{i >= row_j} dTrend_i (t_i - s_j): suffix sums, walking changepoints backwards
        double sumV = 0;
        double sumVt = 0;
        int i = n - 1;
        for (int j = s - 1; j >= 0; j--) {
            for (; i >= changepointRows[j]; i--) {
                sumV += dTrend[i];
                sumVt += dTrend[i] * t[i];
            }
            gradient[2 + j] = sumVt - changepointT[j] * sumV;
        }
        for (; i >= 0; i--) {
            sumV += dTrend[i];
            sumVt += dTrend[i] * t[i];
        }
        gradient[0] = sumVt;
        gradient[1] = sumV;
        return Posterior.smoothPart(params, s, betaPrecision, n, rss, gradient);
    }
}
