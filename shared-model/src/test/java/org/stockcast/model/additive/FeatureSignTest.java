package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FeatureSignTest {

    @Test
    void oneDimensionalSoftThreshold() {
        // minimise x^2 - 3x + |x| -> x = (3 - 1) / 2; with c = 0.5 the L1 term wins and x = 0
        assertThat(FeatureSign.solve(new double[] {2}, new double[] {3}, new double[] {1}, new double[] {0}))
                .containsExactly(new double[] {1.0}, within(1e-12));
        assertThat(FeatureSign.solve(new double[] {2}, new double[] {0.5}, new double[] {1}, new double[] {0}))
                .containsExactly(0.0);
        assertThat(FeatureSign.solve(new double[] {2}, new double[] {-3}, new double[] {1}, new double[] {5}))
                .containsExactly(new double[] {-1.0}, within(1e-12));
    }

    @Test
    void matchesCoordinateDescentOnRandomCorrelatedProblems() {
        Random random = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int q = 8;
            double[] a = randomGram(random, q, 30);
            double[] c = new double[q];
            double[] lambda = new double[q];
            for (int j = 0; j < q; j++) {
                c[j] = 10 * random.nextGaussian();
                lambda[j] = j < 2 ? 0 : 3 * random.nextDouble();
            }
            double[] exact = FeatureSign.solve(a, c, lambda, new double[q]);
            double[] reference = coordinateDescent(a, c, lambda, 200_000);
            assertThat(exact).containsExactly(reference, within(1e-6));
            assertThat(FeatureSign.objective(a, c, lambda, exact))
                    .isLessThanOrEqualTo(FeatureSign.objective(a, c, lambda, reference) + 1e-9);
            // warm starts from anywhere reach the same optimum
            double[] start = new double[q];
            for (int j = 0; j < q; j++) {
                start[j] = random.nextGaussian();
            }
            assertThat(FeatureSign.solve(a, c, lambda, start)).containsExactly(exact, within(1e-9));
        }
    }

    @Test
    void largePenaltyZeroesExactly() {
        double[] a = {4, 1, 1, 3};
        double[] x = FeatureSign.solve(a, new double[] {1, 2}, new double[] {0, 100}, new double[] {0, 0});
        assertThat(x[1]).isZero();
        assertThat(x[0]).isCloseTo(0.25, within(1e-12));
    }

    private static double[] randomGram(Random random, int q, int rows) {
        double[] a = new double[q * q];
        for (int r = 0; r < rows; r++) {
            double[] row = new double[q];
            double shared = random.nextGaussian();
            for (int j = 0; j < q; j++) {
                row[j] = shared + 0.5 * random.nextGaussian(); // correlated columns, like changepoint hinges
            }
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < q; j++) {
                    a[i * q + j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < q; i++) {
            a[i * q + i] += 0.01;
        }
        return a;
    }

    private static double[] coordinateDescent(double[] a, double[] c, double[] lambda, int sweeps) {
        int q = c.length;
        double[] x = new double[q];
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double change = 0;
            for (int j = 0; j < q; j++) {
                double r = c[j];
                for (int k = 0; k < q; k++) {
                    if (k != j) {
                        r -= a[j * q + k] * x[k];
                    }
                }
                double v = Math.signum(r) * Math.max(Math.abs(r) - lambda[j], 0) / a[j * q + j];
                change = Math.max(change, Math.abs(v - x[j]));
                x[j] = v;
            }
            if (change < 1e-13) {
                break;
            }
        }
        return x;
    }
}
