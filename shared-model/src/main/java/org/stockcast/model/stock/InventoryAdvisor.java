package org.stockcast.model.stock;

import java.util.OptionalDouble;
import org.stockcast.model.dataset.DailySeries;

/** Safety stock, reorder point, min/max and order warnings from a forecast (formulas in README). */
public final class InventoryAdvisor {
    private InventoryAdvisor() {
    }

    public static InventoryAdvice advise(DailySeries history, double[] forecast, InventoryPolicy policy,
                                         OptionalDouble currentStock) {
        throw new UnsupportedOperationException("issue #6");
    }
}
