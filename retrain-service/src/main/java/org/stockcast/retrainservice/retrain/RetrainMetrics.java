package org.stockcast.retrainservice.retrain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.stockcast.model.lstm.EpochProgress;

/**
 * docs/api.md retrain metrics: retrain_jobs_total{status}, retrain_duration_seconds{status},
 * retrain_rows_total (rows uploaded by successful jobs), lstm_epoch_loss{set} (last epoch),
 * plus retrain_stage_duration_seconds{stage}.
 */
@Component
class RetrainMetrics {
    private final MeterRegistry registry;
    private final Map<JobStatus, Counter> jobs = new EnumMap<>(JobStatus.class);
    private final Counter rows;
    private final LastValue trainingLoss = new LastValue();
    private final LastValue validationLoss = new LastValue();

    /** A gauge's current value; NaN until the first epoch. */
    private static final class LastValue {
        private volatile double value = Double.NaN;
    }

    RetrainMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (JobStatus status : new JobStatus[] {JobStatus.SUCCESS, JobStatus.ERROR}) {
            jobs.put(status, Counter.builder("retrain.jobs").description("Finished retrain jobs")
                    .tag("status", status.wireName()).register(registry));
        }
        rows = Counter.builder("retrain.rows").description("Rows uploaded by successful retrain jobs")
                .register(registry);
        Gauge.builder("lstm.epoch.loss", trainingLoss, v -> v.value).tag("set", "training")
                .description("Loss of the last finished LSTM epoch").register(registry);
        Gauge.builder("lstm.epoch.loss", validationLoss, v -> v.value).tag("set", "validation")
                .description("Validation loss of the last finished LSTM epoch").register(registry);
    }

    void jobFinished(JobStatus status, Duration duration, int rowsUploaded) {
        jobs.get(status).increment();
        Timer.builder("retrain.duration").description("Retrain job wall time").tag("status", status.wireName())
                .register(registry).record(duration);
        if (status == JobStatus.SUCCESS) {
            rows.increment(rowsUploaded);
        }
    }

    void stageFinished(Stage stage, Duration duration) {
        Timer.builder("retrain.stage.duration").description("Wall time of one retrain stage")
                .tag("stage", stage.wireName()).register(registry).record(duration);
    }

    void epoch(EpochProgress progress) {
        trainingLoss.value = progress.loss();
        validationLoss.value = progress.valLoss();
    }
}
