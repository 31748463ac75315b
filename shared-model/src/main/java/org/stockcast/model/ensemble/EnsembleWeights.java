package org.stockcast.model.ensemble;

/** Blend of the two models; the old system's 0.6 / 0.4 by default. */
public record EnsembleWeights(double additive, double lstm) {
    public static final EnsembleWeights DEFAULT = new EnsembleWeights(0.6, 0.4);

    public enum Mode { FIXED, AUTO }
}
