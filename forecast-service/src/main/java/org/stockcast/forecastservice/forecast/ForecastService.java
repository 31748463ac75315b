package org.stockcast.forecastservice.forecast;

import java.util.OptionalDouble;
import org.springframework.stereotype.Service;
import org.stockcast.forecastservice.InventoryProperties;
import org.stockcast.forecastservice.watch.LoadedEnsemble;
import org.stockcast.forecastservice.watch.ModelNotLoadedException;
import org.stockcast.forecastservice.watch.ModelWatcher;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleForecast;
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
        EnsembleForecast forecast = fits.forecast(loaded.model(), filter, request.daysOrDefault())
                .orElseThrow(() -> new NoMatchingRowsException("No sales rows match the filters ("
                        + filter.describe() + ") in model version " + loaded.version() + "."));
        InventoryAdvice advice = InventoryAdvisor.advise(forecast.history(), forecast.forecast(), policy(request),
                request.currentStock() == null ? OptionalDouble.empty() : OptionalDouble.of(request.currentStock()));
        return new ForecastResult(loaded.version(), filter, forecast, advice);
    }

    private InventoryPolicy policy(ForecastRequest request) {
        InventoryProperties.Stock defaults = properties.stock();
        return new InventoryPolicy(
                request.serviceLevel() != null ? request.serviceLevel() : defaults.serviceLevel(),
                request.leadTimeDays() != null ? request.leadTimeDays() : defaults.leadTimeDays(),
                request.reviewPeriodDays() != null ? request.reviewPeriodDays() : defaults.reviewPeriodDays());
    }
}
