package org.stockcast.forecastservice.forecast;

import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.stock.InventoryAdvice;

/** One answer, all from the same model version. */
record ForecastResult(int modelVersion, SalesFilter filter, EnsembleForecast forecast, InventoryAdvice advice) {
}
