package org.stockcast.forecastservice.forecast;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.stock.InventoryAdvice;

@RestController
class ForecastController {
    private final ForecastService service;
    private final Validator validator;

    ForecastController(ForecastService service, Validator validator) {
        this.service = service;
        this.validator = validator;
    }

    @Operation(summary = "Ensemble forecast with interval, components and inventory advice",
            description = "400 names the bad field, 404 when no rows match, 503 before the first model is loaded.")
    @PostMapping(path = "/forecast", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ForecastResponse forecast(@Valid @RequestBody ForecastRequest request) {
        request.checkCostsPaired();
        return toResponse(service.forecast(request));
    }

    @Operation(summary = "PNG chart: history, forecast and interval band; below, on their own axis, the stock levels "
            + "(reorder point, safety stock, maximum)")
    @GetMapping(path = "/forecast/plot.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> plot(
            @Parameter(description = "1..365, default 7") @RequestParam(name = "days", required = false) Integer days,
            @RequestParam(name = "product_id", required = false) String productId,
            @RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "min_rating", required = false) Double minRating,
            @RequestParam(name = "max_price", required = false) Double maxPrice,
            @RequestParam(name = "min_discount", required = false) Double minDiscount,
            @RequestParam(name = "current_stock", required = false) Double currentStock,
            @RequestParam(name = "service_level", required = false) Double serviceLevel,
            @RequestParam(name = "lead_time_days", required = false) Integer leadTimeDays,
            @RequestParam(name = "review_period_days", required = false) Integer reviewPeriodDays,
            @RequestParam(name = "lead_time_std_days", required = false) Double leadTimeStdDays,
            @RequestParam(name = "pack_size", required = false) Double packSize,
            @RequestParam(name = "min_order_qty", required = false) Double minOrderQty,
            @RequestParam(name = "holding_cost", required = false) Double holdingCost,
            @RequestParam(name = "stockout_cost", required = false) Double stockoutCost) {
        ForecastRequest request = new ForecastRequest(days, productId, category, region, minRating, maxPrice,
                minDiscount, currentStock, serviceLevel, leadTimeDays, reviewPeriodDays, leadTimeStdDays, packSize,
                minOrderQty, holdingCost, stockoutCost);
        Set<ConstraintViolation<ForecastRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        request.checkCostsPaired();
        ForecastResult result = service.forecast(request);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .header("X-Model-Version", Integer.toString(result.modelVersion()))
                .body(ForecastPlot.png(result));
    }

    static ForecastResponse toResponse(ForecastResult result) {
        EnsembleForecast f = result.forecast();
        Map<String, ForecastResponse.Point> points = new LinkedHashMap<>(f.days() * 2);
        for (int i = 0; i < f.days(); i++) {
            points.put(f.date(i).toString(), new ForecastResponse.Point(round(f.forecast()[i]), round(f.lower()[i]),
                    round(f.upper()[i]), round(f.additive()[i]), round(f.lstm()[i]),
                    f.seasonalNaive() == null ? null : round(f.seasonalNaive()[i])));
        }
        InventoryAdvice advice = result.advice();
        return new ForecastResponse(result.modelVersion(), result.filter().describe(), points,
                round(advice.reorderPoint()), round(advice.safetyStock()), round(advice.minimumLevel()),
                round(advice.maximumLevel()),
                advice.daysOfStockLeft() == null ? null : round(advice.daysOfStockLeft()), warnings(f, advice),
                advice.serviceLevel(), round(advice.fillRate()),
                advice.suggestedOrder() == null ? null : round(advice.suggestedOrder()));
    }

    /** How the forecast was made when it is not the regular ensemble (new product, no sales) first, then the advice's. */
    static java.util.List<String> warnings(EnsembleForecast forecast, InventoryAdvice advice) {
        java.util.List<String> all = new java.util.ArrayList<>(forecast.warnings());
        all.addAll(advice.warnings());
        return all;
    }

    /** Three decimals: finer than any sales unit, and keeps the JSON readable. */
    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
