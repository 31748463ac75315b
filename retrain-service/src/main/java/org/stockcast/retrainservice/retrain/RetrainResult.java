package org.stockcast.retrainservice.retrain;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code event: result} payload: the published version and what went into it. {@code timings} (seconds per
 * stage) extends docs/api.md for clients that show where the time went.
 */
public record RetrainResult(String jobId, JobStatus status, int modelVersion, int rowsUploaded, int rowsAdded,
                            int rowsUpdated, int rowsTotal, LocalDate lastTrainingDate,
                            Map<String, Object> metrics, Map<String, Double> timings) {
}
