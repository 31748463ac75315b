package org.stockcast.model.stock;

import java.util.Arrays;

/**
 * Equally likely outcomes of a demand total, read as a continuous distribution: the k-th smallest of n outcomes is
 * its k / (n + 1) quantile (for exchangeable outcomes a new one falls below it with exactly that probability),
 * linear in between; beyond the largest the tail continues as a normal one with the outcomes' standard deviation, so
 * a 99% level from 15 outcomes is not capped at their maximum. Immutable.
 */
final class Outcomes {
    private final double[] sorted;
    private final double mean;
    private final double sd;

    Outcomes(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no outcomes");
        }
        sorted = values.clone();
        Arrays.sort(sorted);
        mean = Arrays.stream(sorted).average().orElseThrow();
        sd = values.length < 2 ? 0
                : Math.sqrt(Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    double mean() {
        return mean;
    }

    /** P(total <= x), the inverse of {@link #quantile}. */
    double cdf(double x) {
        int n = sorted.length;
        if (x < sorted[0]) {
            return 0;
        }
        double top = knot(n);
        if (x >= sorted[n - 1]) {
            return sd > 0 ? NormalCdf.of(NormalQuantile.of(top) + (x - sorted[n - 1]) / sd) : 1;
        }
        int k = upperBound(x); // sorted[k - 1] <= x < sorted[k]
        double from = sorted[k - 1];
        double to = sorted[k];
        return knot(k) + (x - from) / (to - from) * (knot(k + 1) - knot(k));
    }

    double quantile(double p) {
        int n = sorted.length;
        double h = p * (n + 1);
        if (h <= 1) {
            return sorted[0];
        }
        if (h >= n) {
            return sorted[n - 1] + sd * Math.max(0, NormalQuantile.of(p) - NormalQuantile.of(knot(n)));
        }
        int k = (int) Math.floor(h);
        return sorted[k - 1] + (h - k) * (sorted[k] - sorted[k - 1]);
    }

    /** Mean of (total - level)+: the expected shortfall of a stock of {@code level}. */
    double expectedShortage(double level) {
        double sum = 0;
        for (double v : sorted) {
            sum += Math.max(0, v - level);
        }
        return sum / sorted.length;
    }

    double min() {
        return sorted[0];
    }

    private double knot(int k) {
        return k / (sorted.length + 1.0);
    }

    /** Number of outcomes <= x. */
    private int upperBound(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
