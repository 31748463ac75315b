package org.stockcast.model.stock;

/**
 * The order-up-to level when orders are rounded up to whole packs. An order of the missing units rounded up to packs
 * of Q leaves the inventory position anywhere in [T, T + Q) after the review, about evenly (a week's demand is
 * rarely a whole number of packs), so the cycle's service is the average of P(demand <= x) over that span, not
 * P(demand <= T): ordering up to the p-quantile in packs buys more service than asked (BENCHMARKS.md, issue 11).
 * The level is the lowest T at which the average reaches p, up to one pack below the p-quantile. The minimum order
 * quantity is not allowed for: where it exceeds a review's demand it leaves more stock than this assumes.
 */
final class RoundedOrders {
    /** Midpoints the span's average is read at. */
    static final int SPAN_POINTS = 32;
    private static final int BISECTION_STEPS = 40;

    private RoundedOrders() {
    }

    /** The order-up-to level for packs of {@code pack} units; the p-quantile itself for single units. */
    static double target(ProtectionDemand demand, double p, double pack) {
        double hi = demand.quantile(p);
        if (pack <= 1) {
            return hi;
        }
        double lo = hi - pack;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double mid = (lo + hi) / 2;
            if (averageCdf(demand, mid, pack) >= p) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return Math.max(0, hi);
    }

    /** The mean of P(demand <= x) over x in [from, from + width). */
    static double averageCdf(ProtectionDemand demand, double from, double width) {
        double sum = 0;
        for (int i = 0; i < SPAN_POINTS; i++) {
            sum += demand.cdf(from + (i + 0.5) / SPAN_POINTS * width);
        }
        return sum / SPAN_POINTS;
    }

    /** The mean expected shortage E[(demand - x)+] over x in [from, from + width); at {@code from} for width <= 1. */
    static double averageShortage(ProtectionDemand demand, double from, double width) {
        if (width <= 1) {
            return demand.expectedShortage(from);
        }
        double sum = 0;
        for (int i = 0; i < SPAN_POINTS; i++) {
            sum += demand.expectedShortage(from + (i + 0.5) / SPAN_POINTS * width);
        }
        return sum / SPAN_POINTS;
    }
}
