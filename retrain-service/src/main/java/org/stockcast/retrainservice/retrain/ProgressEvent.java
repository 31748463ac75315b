package org.stockcast.retrainservice.retrain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code event: progress} payload; the epoch fields are present only on LSTM epoch events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressEvent(String jobId, Stage stage, String message, Integer epoch, Integer epochs,
                            Double loss, Double valLoss) {

    public static ProgressEvent message(String jobId, Stage stage, String message) {
        return new ProgressEvent(jobId, stage, message, null, null, null, null);
    }
}
