package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The MAP solution satisfies the optimality (KKT) conditions of the log-posterior in both modes. */
class MapFitTest {

    @Test
    void additiveOptimumSatisfiesOptimalityConditions() {
        assertOptimal(SeasonalityMode.ADDITIVE);
    }

    @Test
    void multiplicativeOptimumSatisfiesOptimalityConditions() {
        assertOptimal(SeasonalityMode.MULTIPLICATIVE);
    }

    private static void assertOptimal(SeasonalityMode mode) {
        int n = 400;
        double[] y = SyntheticSeries.generate(n, 3, 31).series().values();
        double yScale = 0;
        for (double v : y) {
            yScale = Math.max(yScale, Math.abs(v));
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / (n - 1.0);
            y[i] /= yScale;
        }
        int[] rows = Trend.changepointIndexes(n, 25, 0.8);
        double[] cp = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            cp[j] = t[rows[j]];
        }
        AdditiveConfig config = AdditiveConfig.defaults();
        FeatureLayout layout = FeatureLayout.forHistory(n, config);
        Design design = new Design(t, y, cp, rows, layout.features(SyntheticSeries.START.toEpochDay(), n),
                layout.columns());
        double[] precision = Posterior.precisions(cp.length, layout.priorPrecisions(config));
        double[] l1 = Posterior.l1Weights(cp.length, layout.columns(), config.changepointPriorScale());
        LeastSquares data = new DataLeastSquares(design, mode);
        double[] start = new double[design.parameters()];
        start[1] = y[0];
        MapFit.Result result = MapFit.fit(data, start, precision, l1);

        int q = design.parameters();
        double[] jtj = new double[q * q];
        double[] jtr = new double[q];
        double rss = data.linearize(result.theta(), jtj, jtr);
        double sigma = result.sigma();
        assertThat(sigma).isCloseTo(Posterior.optimalSigma(n, rss), within(1e-12));
        double scale = n / (sigma * sigma) * 1e-9; // gradient magnitudes are O(n / sigma^2)
        int zeros = 0;
        for (int j = 0; j < q; j++) {
            double gradient = -jtr[j] / (sigma * sigma) + precision[j] * result.theta()[j];
            double theta = result.theta()[j];
            if (l1[j] == 0) {
                assertThat(gradient).as(mode + " parameter " + j).isCloseTo(0, within(scale));
            } else if (theta != 0) {
                assertThat(gradient + l1[j] * Math.signum(theta)).as(mode + " delta " + j)
                        .isCloseTo(0, within(scale));
            } else {
                zeros++;
                assertThat(Math.abs(gradient)).as(mode + " zero delta " + j).isLessThanOrEqualTo(l1[j] + scale);
            }
        }
        // the Laplace prior makes most potential changepoints exactly zero
        assertThat(zeros).isGreaterThan(5);
    }
}
