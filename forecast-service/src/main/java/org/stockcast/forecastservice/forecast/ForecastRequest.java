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
 * POST /forecast body (API.md), snake_case. Unknown fields are rejected (spring.jackson setting): a camelCase
 * {@code productId} would otherwise silently forecast the total. {@code current_stock}, {@code service_level}, {@code lead_time_days} and
 * {@code review_period_days} extend the contract; without them the configured policy applies.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ForecastRequest(
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
        @Schema(description = "Probability of no stock-out during a lead time, e.g. 0.95")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double serviceLevel,
        @Min(0) @Max(365) Integer leadTimeDays,
        @Min(0) @Max(365) Integer reviewPeriodDays) {

    public static final int DEFAULT_DAYS = 7;

    public int daysOrDefault() {
        return days == null ? DEFAULT_DAYS : days;
    }
}
