package org.stockcast.forecastservice.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** GET /model (docs/api.md); {@code weights} extends the contract. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record ModelInfo(int modelVersion, Instant loadedAt, Instant createdAt, long trainedOnRows,
                 LocalDate lastTrainingDate, Map<String, Object> metrics, Map<String, Double> weights,
                 String lastReloadError) {
}
