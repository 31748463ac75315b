package org.stockcast.forecastservice.forecast;

import java.util.OptionalDouble;
import org.springframework.stereotype.Service;
import org.stockcast.forecastservice.InventoryProperties;
import org.stockcast.forecastservice.watch.LoadedEnsemble;
import org.stockcast.forecastservice.watch.ModelNotLoadedException;
import org.stockcast.forecastservice.watch.ModelWatcher;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.ForecastDemand;
import org.stockcast.model.stock.InventoryAdvice;
import org.stockcast.model.stock.InventoryAdvisor;
import org.stockcast.model.stock.InventoryPolicy;

@Service
class ForecastService {
    private final ModelWatcher watcher;
    private final InventoryProperties properties;
    private final OnDemandFits fits;

    ForecastService(ModelWatcher watcher, InventoryProperties properties, OnDemandFits fits) {
        this.watcher = watcher;
        this.properties = properties;
        this.fits = fits;
    }

    ForecastResult forecast(ForecastRequest request) {
        // The one read of the served reference for this request: a swap meanwhile does not mix versions.
        LoadedEnsemble loaded = watcher.current().orElseThrow(() -> new ModelNotLoadedException(
                "No model version is loaded yet" + watcher.lastReloadError().map(e -> " (last error: " + e + ")")
                        .orElse("") + "; retry shortly."));
        SalesFilter filter = new SalesFilter(request.productId(), request.category(), request.region(),
                request.minRating(), request.maxPrice(), request.minDiscount());
        InventoryPolicy policy = policy(request);
        int days = request.daysOrDefault();
        // the advice looks as far ahead as the protection interval, whatever horizon the client asked to see
        EnsembleForecast forecast = fits.forecast(loaded.model(), filter, Math.max(days, Math.min(EnsembleModel.MAX_DAYS, policy.longestProtectionDays())))
                .orElseThrow(() -> new NoMatchingRowsException("No sales rows match the filters ("
                        + filter.describe() + ") in model version " + loaded.version() + "."));
        InventoryAdvice advice = InventoryAdvisor.advise(forecast.history(), forecast.forecast(),
                ForecastDemand.of(forecast), policy,
                request.currentStock() == null ? OptionalDouble.empty() : OptionalDouble.of(request.currentStock()));
        return new ForecastResult(loaded.version(), filter, forecast.head(days), advice);
    }

    /** Costs, when given, set the service level (newsvendor); else the request's, else the configured one. */
    private InventoryPolicy policy(ForecastRequest request) {
        InventoryProperties.Stock defaults = properties.stock();
        double serviceLevel = request.holdingCost() != null && request.stockoutCost() != null
                ? InventoryPolicy.costServiceLevel(request.holdingCost(), request.stockoutCost())
                : request.serviceLevel() != null ? request.serviceLevel() : defaults.serviceLevel();
        return new InventoryPolicy(serviceLevel,
                request.leadTimeDays() != null ? request.leadTimeDays() : defaults.leadTimeDays(),
                request.reviewPeriodDays() != null ? request.reviewPeriodDays() : defaults.reviewPeriodDays(),
                request.leadTimeStdDays() != null ? request.leadTimeStdDays() : 0,
                request.packSize() != null ? request.packSize() : 1,
                request.minOrderQty() != null ? request.minOrderQty() : 0);
    }

}
