package org.stockcast.retrainservice.retrain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Status JSON of {@code GET /retrain/jobs/{jobId}}; result or error once finished. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String jobId, JobKind kind, JobStatus status, Stage stage, Instant createdAt,
                      Instant finishedAt, String events, int eventCount, RetrainResult result, String error) {
}
