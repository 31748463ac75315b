package org.stockcast.model.stock;

import java.util.List;

/**
 * Stock levels in units. {@code serviceLevel} is the cycle service level the levels were set for, {@code fillRate}
 * the expected share of demand served from stock when ordering up to the maximum every review period.
 * {@code daysOfStockLeft} and {@code suggestedOrder} are null when the caller gave no current stock.
 */
public record InventoryAdvice(double reorderPoint, double safetyStock, double minimumLevel, double maximumLevel,
                              Double daysOfStockLeft, List<String> warnings, double serviceLevel, double fillRate,
                              Double suggestedOrder) {
}
