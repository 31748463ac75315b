package org.stockcast.model.intermittent;

import java.util.Arrays;

/**
 * A fitted Croston / SBA / TSB model. Demand per day is modelled as "a demand occurs with probability
 * {@link #occurrenceProbability()}, its size has mean {@link #size()}", so the point forecast is the flat rate
 * probability x size. Immutable.
 */
public final class FittedIntermittent {
    private final IntermittentMethod method;
    private final SmoothingConstants constants;
    private final double size;
    private final double occurrenceProbability;
    private final double[] recentSizes;
    private final double inSampleMse;

    FittedIntermittent(IntermittentMethod method, SmoothingConstants constants, double size,
                       double occurrenceProbability, double[] recentSizes, double inSampleMse) {
        this.method = method;
        this.constants = constants;
        this.size = size;
        this.occurrenceProbability = Math.min(1, occurrenceProbability);
        this.recentSizes = recentSizes.clone();
        this.inSampleMse = inSampleMse;
    }

    /** The flat forecast: expected demand per day, the same for every day ahead. */
    public double rate() {
        return occurrenceProbability * size;
    }

    public double[] forecast(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be >= 0");
        }
        double[] out = new double[days];
        Arrays.fill(out, rate());
        return out;
    }

    public IntermittentMethod method() {
        return method;
    }

    public SmoothingConstants constants() {
        return constants;
    }

    /** Smoothed non-zero demand size (0 without demand). */
    public double size() {
        return size;
    }

    /**
     * Probability of a demand on a day: TSB's smoothed probability; 1 / smoothed interval for Croston; that times
     * (1 - b/2) for SBA (the correction is on the interval estimate, whose inverse is what is biased).
     */
    public double occurrenceProbability() {
        return occurrenceProbability;
    }

    /** The non-zero sizes (newest last) that the outcome sampler draws from, before rescaling to {@link #size()}. */
    public double[] recentSizes() {
        return recentSizes.clone();
    }

    /** Mean squared one-step error over the days after the first demand (NaN if there are none). */
    public double inSampleMse() {
        return inSampleMse;
    }
}
