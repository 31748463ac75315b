package org.stockcast.model.stock;

import java.util.Arrays;

/**
 * Equally likely outcomes of a demand total, read as a continuous distribution: the k-th smallest of n outcomes is
 * its k / (n + 1) quantile, linear in between. For exchangeable outcomes a new one falls below the k-th with exactly
 * that probability: within the outcomes the reading is already a prediction quantile and needs no allowance for
 * their number. Beyond the largest the level is an extrapolation from the outcomes' mean and standard deviation, both
 * estimated from the n of them: there the outcomes are spread about their mean by the Student-t prediction allowance
 * sqrt((1 + 1/n) (n - 1) / (n - 3)) and the tail continues as a Student-t with n - 1 degrees of freedom, so a 99%
 * level from 15 outcomes is neither capped at their maximum nor given a normal tail a spread estimated from 15
 * cannot support. The largest outcome is spread too: the totals of neighbouring backtest origins share days (weekly
 * origins, 12-day totals), which leaves them less dispersed than the next total (BENCHMARKS.md). With fewer than {@link #MIN_FOR_ALLOWANCE} outcomes (a 0-day total) the tail is the plain normal
 * one. Immutable.
 */
final class Outcomes {
    /** The allowance needs n > 3, the t expansion nu = n - 1 >= 4. */
    static final int MIN_FOR_ALLOWANCE = 5;
    private static final int TAIL_BISECTION_STEPS = 60;

    private final double[] sorted;
    private final double mean;
    private final double sd;
    /** Where the tail starts and its scale: the largest outcome and sd, widened by the allowance. */
    private final double tailStart;
    private final double tailScale;

    Outcomes(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no outcomes");
        }
        sorted = values.clone();
        Arrays.sort(sorted);
        mean = Arrays.stream(sorted).average().orElseThrow();
        sd = values.length < 2 ? 0
                : Math.sqrt(Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
        double widen = allowance(values.length);
        tailStart = mean + widen * (sorted[sorted.length - 1] - mean);
        tailScale = widen * sd;
    }

    /** The Student-t prediction allowance on the spread of n outcomes; 1 below {@link #MIN_FOR_ALLOWANCE}. */
    static double allowance(int n) {
        return n < MIN_FOR_ALLOWANCE ? 1 : Math.sqrt((1 + 1.0 / n) * (n - 1) / (n - 3));
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
            return tailCdf(x, top);
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
            return tail(p);
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

    /** The level beyond the largest outcome for p >= n / (n + 1). */
    private double tail(double p) {
        double top = knot(sorted.length);
        if (sorted.length < MIN_FOR_ALLOWANCE) {
            return tailStart + tailScale * Math.max(0, NormalQuantile.of(p) - NormalQuantile.of(top));
        }
        double nu = sorted.length - 1;
        return tailStart + tailScale * Math.max(0, StudentQuantile.of(p, nu) - StudentQuantile.of(top, nu));
    }

    /** The inverse of {@link #tail} (bisection on p: the t expansion has no closed inverse), top below its start. */
    private double tailCdf(double x, double top) {
        if (x < tailStart) {
            return top;
        }
        if (tailScale == 0) {
            return 1;
        }
        double lo = top;
        double hi = 1;
        for (int step = 0; step < TAIL_BISECTION_STEPS; step++) {
            double mid = (lo + hi) / 2;
            if (mid >= 1 || tail(mid) > x) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
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
