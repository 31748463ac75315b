package org.stockcast.forecastservice.forecast;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * POST /forecast body (docs/api.md), snake_case. Unknown fields are rejected (spring.jackson setting): a camelCase
 * {@code productId} would otherwise silently forecast the total. {@code current_stock}, {@code service_level}, {@code lead_time_days},
 * {@code review_period_days}, {@code lead_time_std_days}, {@code pack_size}, {@code min_order_qty}, {@code holding_cost}
 * and {@code stockout_cost} extend the contract; without them the configured policy applies.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ForecastRequest(
        @Schema(description = "Days to forecast, 1..365", defaultValue = "7", example = "7")
        @Min(1) @Max(365) Integer days,
        @Schema(example = "P021") @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String productId,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String category,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String region,
        @DecimalMin("0") Double minRating,
        @DecimalMin("0") Double maxPrice,
        @DecimalMin("0") Double minDiscount,
        @Schema(description = "Units in stock now; adds days_of_stock_left and order warnings")
        @DecimalMin("0") Double currentStock,
        @Schema(description = "Cycle service level: probability that a replenishment cycle has no stock-out, e.g. "
                + "0.95; overridden by holding_cost and stockout_cost")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double serviceLevel,
        @Min(0) @Max(365) Integer leadTimeDays,
        @Min(0) @Max(365) Integer reviewPeriodDays,
        @Schema(description = "Standard deviation of the lead time in days (default 0)")
        @DecimalMin("0") @DecimalMax("90") Double leadTimeStdDays,
        @Schema(description = "Orders are rounded up to a whole number of packs of this many units (default 1)")
        @DecimalMin("1") Double packSize,
        @Schema(description = "Smallest order in units (default 0)") @DecimalMin("0") Double minOrderQty,
        @Schema(description = "Cost of holding one unit for a review period; with stockout_cost sets the service "
                + "level to stockout / (stockout + holding)")
        @DecimalMin(value = "0", inclusive = false) Double holdingCost,
        @Schema(description = "Cost of one unit of demand not served from stock; given with holding_cost")
        @DecimalMin(value = "0", inclusive = false) Double stockoutCost) {

    public static final int DEFAULT_DAYS = 7;

    public int daysOrDefault() {
        return days == null ? DEFAULT_DAYS : days;
    }

    /** The two costs only make a service level together: one alone is a mistake, named as the missing field. */
    void checkCostsPaired() {
        if (holdingCost != null && stockoutCost == null) {
            throw new InvalidFieldException("stockout_cost", "must be given with holding_cost");
        }
        if (stockoutCost != null && holdingCost == null) {
            throw new InvalidFieldException("holding_cost", "must be given with stockout_cost");
        }
    }
}
