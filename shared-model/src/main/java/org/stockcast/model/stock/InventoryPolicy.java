package org.stockcast.model.stock;

/** Service level (probability of no stock-out in a lead time), supplier lead time and review period. */
public record InventoryPolicy(double serviceLevel, int leadTimeDays, int reviewPeriodDays) {
    public static final InventoryPolicy DEFAULT = new InventoryPolicy(0.95, 5, 7);
}
