package org.stockcast.model.additive;

/** A smooth objective: returns f(x) and writes its gradient into {@code gradient}. */
@FunctionalInterface
interface DifferentiableFunction {
    double valueAndGradient(double[] x, double[] gradient);
}
