package org.stockcast.model.stock;

import java.util.List;

/** Stock levels in units; daysOfStockLeft is null when the caller gave no current stock. */
public record InventoryAdvice(double reorderPoint, double safetyStock, double minimumLevel, double maximumLevel,
                              Double daysOfStockLeft, List<String> warnings) {
}
