package org.stockcast.model.smoothing;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** Unconstrained Nelder-Mead minimiser (standard coefficients 1, 2, 0.5, 0.5); bounds come from a transform. */
final class NelderMead {
    private NelderMead() {
    }

    /** Minimises {@code f} from {@code start} with an initial simplex of edge {@code step}; returns the best point. */
    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations,
                             double tolerance) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        values[0] = f.applyAsDouble(simplex[0]);
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
            values[i + 1] = f.applyAsDouble(simplex[i + 1]);
        }
        int evaluations = n + 1;
        Integer[] order = new Integer[n + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            int best = order[0];
            int worst = order[n];
            int secondWorst = order[n - 1];
            if (Math.abs(values[worst] - values[best]) <= tolerance * (Math.abs(values[best]) + 1e-12)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i <= n; i++) {
                if (i != worst) {
                    for (int d = 0; d < n; d++) {
                        centroid[d] += simplex[i][d] / n;
                    }
                }
            }
            double[] reflected = along(centroid, simplex[worst], -1);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < values[best]) {
                double[] expanded = along(centroid, simplex[worst], -2);
                double fe = f.applyAsDouble(expanded);
                evaluations++;
                if (fe < fr) {
                    simplex[worst] = expanded;
                    values[worst] = fe;
                } else {
                    simplex[worst] = reflected;
                    values[worst] = fr;
                }
            } else if (fr < values[secondWorst]) {
                simplex[worst] = reflected;
                values[worst] = fr;
            } else {
                boolean outside = fr < values[worst];
                double[] contracted = along(centroid, outside ? reflected : simplex[worst], 0.5);
                double fc = f.applyAsDouble(contracted);
                evaluations++;
                if (fc < Math.min(fr, values[worst])) {
                    simplex[worst] = contracted;
                    values[worst] = fc;
                } else {
                    for (int i = 0; i <= n; i++) {
                        if (i != best) {
                            simplex[i] = along(simplex[best], simplex[i], 0.5);
                            values[i] = f.applyAsDouble(simplex[i]);
                            evaluations++;
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** centroid + t (point - centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] out = new double[centroid.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = centroid[d] + t * (point[d] - centroid[d]);
        }
        return out;
    }
}
