package org.stockcast.model.intermittent;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.stockcast.model.stock.DemandDistribution;

/**
 * The predictive distribution of an intermittent item for the inventory policy: each day independently has a
 * demand with the model's occurrence probability, its size drawn from the item's recent non-zero sizes rescaled so
 * that their mean is the model's smoothed size (the shape of the sizes is the item's own, the level the model's).
 * The totals' mean is therefore days x the model's rate, and P(total = 0) = (1 - probability)^days.
 * Outcomes are Monte Carlo draws from a fixed seed (the same call gives the same outcomes).
 */
public final class IntermittentDemand implements DemandDistribution {
    private final double[] mean;
    private final double probability;
    private final double[] sizes;
    private final int outcomes;
    private final long seed;

    /** {@code days} days of point forecast; {@code outcomes} equally likely totals per {@link #totals} call. */
    public IntermittentDemand(FittedIntermittent model, int days, int outcomes, long seed) {
        if (days < 1 || outcomes < 1) {
            throw new IllegalArgumentException("days and outcomes must be >= 1");
        }
        this.mean = model.forecast(days);
        this.probability = model.occurrenceProbability();
        this.sizes = rescaled(model.recentSizes(), model.size());
        this.outcomes = outcomes;
        this.seed = seed;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] totals(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1");
        }
        double[] totals = new double[outcomes];
        if (probability == 0 || sizes.length == 0) {
            return totals;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int o = 0; o < outcomes; o++) {
            double total = 0;
            for (int d = 0; d < days; d++) {
                if (random.nextDouble() < probability) {
                    total += sizes[random.nextInt(sizes.length)];
                }
            }
            totals[o] = total;
        }
        return totals;
    }

    private static double[] rescaled(double[] sizes, double targetMean) {
        double sum = 0;
        for (double s : sizes) {
            sum += Math.max(0, s);
        }
        if (sum == 0) {
            return new double[0];
        }
        double scale = targetMean * sizes.length / sum;
        return Arrays.stream(sizes).map(s -> Math.max(0, s) * scale).toArray();
    }
}
