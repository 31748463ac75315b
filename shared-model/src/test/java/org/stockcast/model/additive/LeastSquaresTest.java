package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

    @Test
    void gramAndDataAgreeInAdditiveMode() {
        Design design = design(120);
        double[] theta = randomTheta(design, 1);
        int q = design.parameters();
        double[] gramJtj = new double[q * q];
        double[] gramJtr = new double[q];
        double[] dataJtj = new double[q * q];
        double[] dataJtr = new double[q];
        LeastSquares gram = new GramLeastSquares(design);
        LeastSquares data = new DataLeastSquares(design, SeasonalityMode.ADDITIVE);
        double rss = data.linearize(theta, dataJtj, dataJtr);
        assertThat(gram.linearize(theta, gramJtj, gramJtr)).isCloseTo(rss, within(1e-9 * rss));
        assertThat(gram.rss(theta)).isCloseTo(rss, within(1e-9 * rss));
        assertThat(gramJtj).containsExactly(dataJtj, within(1e-9));
        assertThat(gramJtr).containsExactly(dataJtr, within(1e-9));
    }

    @Test
    void multiplicativeJacobianMatchesFiniteDifferences() {
        Design design = design(90);
        double[] theta = randomTheta(design, 2);
        int q = design.parameters();
        LeastSquares data = new DataLeastSquares(design, SeasonalityMode.MULTIPLICATIVE);
        double[] jtj = new double[q * q];
        double[] jtr = new double[q];
        data.linearize(theta, jtj, jtr);
        for (int j = 0; j < q; j++) {
            double h = 1e-6;
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            double derivative = (data.rss(up) - data.rss(down)) / (2 * h);
            // d RSS / d theta = -2 J'r
            assertThat(-2 * jtr[j]).as("parameter " + j).isCloseTo(derivative, within(1e-5 * (1 + Math.abs(derivative))));
        }
    }

    @Test
    void optimalSigmaMinimisesItsTerms() {
        int n = 50;
        double rss = 3.7;
        double best = Posterior.optimalSigma(n, rss);
        double atBest = n * Math.log(best) + rss / (2 * best * best) + 2 * best * best;
        for (double factor : new double[] {0.99, 1.01}) {
            double s = best * factor;
            assertThat(n * Math.log(s) + rss / (2 * s * s) + 2 * s * s).isGreaterThan(atBest);
        }
        assertThat(Posterior.optimalSigma(n, 0)).isEqualTo(Posterior.SIGMA_FLOOR);
    }

    private static Design design(int n) {
        AdditiveConfig config = AdditiveConfig.defaults();
        double[] y = SyntheticSeries.generate(n, 2, 9).series().values();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / (n - 1.0);
            y[i] /= 200;
        }
        int[] rows = Trend.changepointIndexes(n, 5, 0.8);
        double[] cp = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            cp[j] = t[rows[j]];
        }
        FeatureLayout layout = FeatureLayout.forHistory(n, config);
        return new Design(t, y, cp, rows, layout.features(SyntheticSeries.START.toEpochDay(), n), layout.columns());
    }

    private static double[] randomTheta(Design design, long seed) {
        Random random = new Random(seed);
        double[] theta = new double[design.parameters()];
        for (int j = 0; j < theta.length; j++) {
            theta[j] = 0.3 * random.nextGaussian();
        }
        theta[1] = 0.5;
        return theta;
    }
}
