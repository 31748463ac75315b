package org.stockcast.forecastservice.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * 200 of POST /forecast (docs/api.md); {@code forecast} is keyed by ISO date, ascending. Added to the contract:
 * {@code service_level} (the cycle service level the levels were set for), {@code fill_rate} (expected share of
 * demand served from stock ordering up to the maximum every review) and {@code suggested_order} (units, in packs,
 * 0 above the reorder point; only with current_stock).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ForecastResponse(int modelVersion, String context, Map<String, Point> forecast,
                               double reorderPoint, double safetyStock, double minimumLevel, double maximumLevel,
                               Double daysOfStockLeft, List<String> warnings, double serviceLevel,
                               double fillRate, Double suggestedOrder) {

    /** {@code seasonal_naive}: the third member's own forecast, absent for versions saved before it existed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(double forecast, double lowerBound, double upperBound, double additive, double lstm,
                        Double seasonalNaive) {
    }
}
