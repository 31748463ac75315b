package org.stockcast.model.stock;

/**
 * How stock is replenished: the cycle service level (probability that a replenishment cycle has no stock-out), the
 * supplier lead time and its standard deviation in days, the review period, and the order rules: orders are whole
 * multiples of {@code packSize} and at least {@code minOrderQty} units.
 */
public record InventoryPolicy(double serviceLevel, int leadTimeDays, int reviewPeriodDays, double leadTimeStdDays,
                              double packSize, double minOrderQty) {
    public static final InventoryPolicy DEFAULT = of(0.95, 5, 7);

    public InventoryPolicy {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("service level must be in (0, 1), was " + serviceLevel);
        }
        if (leadTimeDays < 0 || reviewPeriodDays < 0 || !(leadTimeStdDays >= 0)) {
            throw new IllegalArgumentException("lead time, its standard deviation and review period must be >= 0");
        }
        if (!(packSize >= 1) || !(minOrderQty >= 0)) {
            throw new IllegalArgumentException("pack size must be >= 1 and minimum order >= 0");
        }
    }

    /** A fixed lead time, single units, no minimum order. */
    public static InventoryPolicy of(double serviceLevel, int leadTimeDays, int reviewPeriodDays) {
        return new InventoryPolicy(serviceLevel, leadTimeDays, reviewPeriodDays, 0, 1, 0);
    }

    /** The most days of demand the advice reads: the longest lead time with weight plus the review period. */
    public int longestProtectionDays() {
        double longestLead = leadTimeStdDays == 0 ? leadTimeDays
                : Math.ceil(leadTimeDays + ProtectionDemand.SPAN_SDS * leadTimeStdDays);
        return (int) longestLead + reviewPeriodDays;
    }

    /** The same policy with another service level. */
    public InventoryPolicy withServiceLevel(double level) {
        return new InventoryPolicy(level, leadTimeDays, reviewPeriodDays, leadTimeStdDays, packSize, minOrderQty);
    }

    /**
     * The newsvendor critical ratio stockout / (stockout + holding): the service level at which one more unit in
     * stock saves as much in expected stock-outs as it costs to hold. Both costs are per unit and per review cycle.
     */
    public static double costServiceLevel(double holdingCost, double stockoutCost) {
        if (!(holdingCost > 0) || !(stockoutCost > 0) || Double.isInfinite(holdingCost + stockoutCost)) {
            throw new IllegalArgumentException("holding and stock-out costs must be positive and finite");
        }
        return stockoutCost / (stockoutCost + holdingCost);
    }

    /** {@code units} rounded up to the order rules: at least the minimum order, then whole packs. */
    public double orderQuantity(double units) {
        if (!(units > 0)) {
            return 0;
        }
        double atLeast = Math.max(units, minOrderQty);
        return Math.ceil(atLeast / packSize - 1e-9) * packSize;
    }
}
