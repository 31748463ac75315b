package org.stockcast.model.stock;

/**
 * The order-up-to level when orders are rounded up to whole packs. An order of the missing units rounded up to packs
 * of Q leaves the inventory position anywhere in [T, T + Q) after the review, about evenly (a week's demand is
 * rarely a whole number of packs), so the cycle's service is the average of P(demand <= x) over that span, not
 * P(demand <= T): ordering up to the p-quantile in packs buys more service than asked (BENCHMARKS.md, issue 11).
 * The level is the lowest T at which the average reaches p, up to one span below the p-quantile.
 * A minimum order M above a review's demand spreads the position the same way: an order placed just below T
 * lifts it to about T + M, and the next reviews find it between T and T + M without ordering (the (s, S)
 * policy's sawtooth; over many cycles about evenly spread), so the span is M where reviews' demand stays below M
 * and a pack where it exceeds M: M times P(review demand < M) in between ({@link #span}).
 */
final class RoundedOrders {
    /** Grid steps per pack: the CDF is read at this many points a pack. */
    static final int STEPS_PER_PACK = 32;
    private static final int BISECTION_STEPS = 40;

    private RoundedOrders() {
    }

    /**
     * The width of the positions a review leaves: the pack, or the minimum order (in whole packs) times the chance
     * that a review period's demand stays below it, whichever is larger.
     */
    static double span(DemandDistribution demand, int reviewDays, double pack, double minOrderQty) {
        double minimum = Math.ceil(minOrderQty / pack - 1e-9) * pack;
        if (minimum <= pack) {
            return pack;
        }
        ProtectionDemand review = ProtectionDemand.over(demand, 0, 0, Math.max(1, reviewDays));
        return Math.max(pack, minimum * review.cdf(Math.nextDown(minimum)));
    }

    /** The order-up-to level for positions spread over {@code pack} units; the p-quantile itself for one unit. */
    static double target(ProtectionDemand demand, double p, double pack) {
        double quantile = demand.quantile(p);
        if (pack <= 1) {
            return quantile;
        }
        // T lies in [quantile - pack, quantile]: its span [T, T + pack) within [quantile - pack, quantile + pack)
        double from = quantile - pack;
        double step = pack / STEPS_PER_PACK;
        double[] integral = cumulativeCdf(demand, from, step, 2 * STEPS_PER_PACK);
        double lo = from;
        double hi = quantile;
        for (int k = 0; k < BISECTION_STEPS; k++) {
            double mid = (lo + hi) / 2;
            double mean = (read(integral, (mid + pack - from) / step) - read(integral, (mid - from) / step)) / pack;
            if (mean >= p) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.max(0, hi);
    }

    /**
     * Integral of P(demand <= x) from {@code from} to each grid point from + j step (j = 0 .. steps) by trapezoids:
     * the CDF is read once per grid point, not once per point and bisection step (a read in the tail is itself a
     * bisection: that way an advice at 99% with a lead-time spread took 50 ms, this way 4 ms, as without packs).
     */
    static double[] cumulativeCdf(ProtectionDemand demand, double from, double step, int steps) {
        double[] integral = new double[steps + 1];
        double previous = demand.cdf(from);
        for (int j = 1; j <= steps; j++) {
            double next = demand.cdf(from + j * step);
            integral[j] = integral[j - 1] + step * (previous + next) / 2;
            previous = next;
        }
        return integral;
    }

    /** The cumulative integral at fractional grid position {@code at}, linear between grid points. */
    private static double read(double[] integral, double at) {
        int j = Math.min(integral.length - 2, Math.max(0, (int) Math.floor(at)));
        return integral[j] + (at - j) * (integral[j + 1] - integral[j]);
    }

    /** The mean expected shortage E[(demand - x)+] over x in [from, from + width); at {@code from} for width <= 1. */
    static double averageShortage(ProtectionDemand demand, double from, double width) {
        if (width <= 1) {
            return demand.expectedShortage(from);
        }
        double sum = 0;
        for (int i = 0; i < STEPS_PER_PACK; i++) {
            sum += demand.expectedShortage(from + (i + 0.5) / STEPS_PER_PACK * width);
        }
        return sum / STEPS_PER_PACK;
    }
}
