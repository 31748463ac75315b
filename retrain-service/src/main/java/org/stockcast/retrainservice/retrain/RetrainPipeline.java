package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.SpecialDay;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.MergeResult;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.lstm.LstmTrainingResult;
import org.stockcast.model.lstm.TrainingMode;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.store.VersionCheck;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * merge -> additive -> lstm -> evaluate -> publish, for one job. Everything before publish happens in memory;
 * publish writes the master dataset first and the model version second, and puts the old master back if the
 * version cannot be published, so a failed job leaves both as they were.
 */
@Component
class RetrainPipeline {
    private static final Logger log = LoggerFactory.getLogger(RetrainPipeline.class);

    private final InventoryProperties properties;
    private final MasterDataset master;
    private final ModelStore store;
    private final ModelPublisher publisher;
    private final RetrainMetrics metrics;

    RetrainPipeline(InventoryProperties properties, MasterDataset master, ModelStore store, ModelPublisher publisher,
                    RetrainMetrics metrics) {
        this.properties = properties;
        this.master = master;
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    RetrainResult run(String jobId, RetrainRequest request, RetrainProgress progress) throws IOException {
        StageClock clock = new StageClock(request.validation());

        SalesTable previous = master.load();
        MergeResult merge = merge(previous, request, progress);
        SalesTable merged = merge.merged();
        DailySeries total = merged.dailySeries(SalesFilter.ALL)
                .orElseThrow(() -> new IllegalStateException("The master dataset is empty: nothing to train on"));
        clock.finished(Stage.MERGE);

        SeriesRules rules = properties.data().rules();
        AdditiveConfig additiveConfig = withSpecialDays(AdditiveConfig.defaults(), merged, progress);
        Optional<PreviousVersion> newest = newestVerified();
        AdditiveStage.Fits fits = AdditiveStage.fitAll(merged, additiveConfig, rules,
                AdditiveStage.previous(store, newest), progress);
        clock.finished(Stage.ADDITIVE);

        LstmPlan plan = LstmPlan.of(request, newest, properties, progress);
        LstmStage.Outcome lstm = LstmStage.train(merged, plan.config(), properties.lstm().maxHistoryDays(),
                properties.evaluate().holdoutDays(), plan.mode(), plan.incremental(), store, rules, progress);
        clock.finished(Stage.LSTM);

        EvaluateStage.Outcome evaluation = EvaluateStage.evaluate(merged, lstm.scored(), lstm.scoredCut(),
                additiveConfig, properties.evaluate(), properties.ensemble().weights(), rules, progress);
        clock.finished(Stage.EVALUATE);

        Map<String, Object> versionMetrics = versionMetrics(fits, lstm, plan, evaluation, clock);
        EnsembleModel model = new EnsembleModel(merged, fits.models(), lstm.served().forecaster(),
                fallbackWeights(evaluation), additiveConfig, evaluation.calibration(), rules);
        LocalDate lastDate = merged.lastDate().orElse(total.end());
        int version = publish(previous, request, model, evaluation.mode(), lstm.scored(), fits.fitKeys(), lastDate,
                versionMetrics, lstm.served().fineTuned(), progress);
        clock.finished(Stage.PUBLISH);

        return new RetrainResult(jobId, JobStatus.SUCCESS, version, merge.rowsUploaded(), merge.rowsAdded(),
                merge.rowsUpdated(), merge.rowsTotal(), lastDate, versionMetrics, clock.timings());
    }

    /** The newest version whose manifest verifies: what this retrain continues (LSTM) and reuses (additive). */
    private Optional<PreviousVersion> newestVerified() throws IOException {
        for (int version : store.versions()) {
            VersionCheck check = store.verify(version);
            if (check.ok() && check.manifest().isPresent()) {
                return Optional.of(new PreviousVersion(version, check.manifest().get()));
            }
        }
        return Optional.empty();
    }

    /** The configured holiday calendar and the upload's holiday/event columns, up to the longest horizon. */
    private AdditiveConfig withSpecialDays(AdditiveConfig config, SalesTable table, RetrainProgress progress) {
        List<SpecialDay> days = properties.holidays().rules().specialDays(table, EnsembleModel.MAX_DAYS);
        if (!days.isEmpty()) {
            progress.stage(Stage.ADDITIVE, String.format(Locale.ROOT, "Special days: %d (%s)", days.size(),
                    days.stream().limit(5).map(SpecialDay::name).collect(Collectors.joining(", "))
                            + (days.size() > 5 ? ", ..." : "")));
        }
        return config.withSpecialDays(days);
    }

    private static MergeResult merge(SalesTable previous, RetrainRequest request, RetrainProgress progress) {
        if (request.upload().isEmpty()) {
            progress.stage(Stage.MERGE, "No upload: training on the master dataset (" + previous.size() + " rows)");
            return new MergeResult(previous, 0, 0, 0);
        }
        progress.stage(Stage.MERGE, "Merging datasets...");
        MergeResult merge = MasterDataset.merge(previous, request.upload().get());
        progress.stage(Stage.MERGE, String.format(Locale.ROOT,
                "Merged %d uploaded rows: %d added, %d updated, %d rows in the master dataset",
                merge.rowsUploaded(), merge.rowsAdded(), merge.rowsUpdated(), merge.rowsTotal()));
        return merge;
    }

    private int publish(SalesTable previous, RetrainRequest request, EnsembleModel model,
                        EnsembleWeights.Mode weighting, Optional<LstmForecaster> holdoutLstm,
                        Map<String, String> additiveFitKeys, LocalDate lastDate,
                        Map<String, Object> versionMetrics,
                        boolean fineTuned, RetrainProgress progress)
            throws IOException {
        boolean masterChanges = request.upload().isPresent();
        if (masterChanges) {
            progress.stage(Stage.PUBLISH, "Saving the merged master dataset...");
            master.write(model.dataset());
        }
        progress.stage(Stage.PUBLISH, "Publishing model version...");
        int version;
        try {
            version = publisher.publish(model, weighting, holdoutLstm, additiveFitKeys, model.dataset().size(),
                    lastDate, versionMetrics);
        } catch (IOException | RuntimeException e) {
            if (masterChanges) {
                restore(previous, e);
            }
            throw e;
        }
        progress.stage(Stage.PUBLISH, fineTuned ? "Fine-tuned model saved" : "LSTM model saved");
        progress.stage(Stage.PUBLISH, "Published model version " + version);
        return version;
    }

    /**
     * The two-model weights a version also records (format 1 readers and the legacy blend of a version without a
     * calibration): the old default, or the additive model alone when the backtest found nothing to calibrate.
     */
    private static EnsembleWeights fallbackWeights(EvaluateStage.Outcome evaluation) {
        return evaluation.calibration().isPresent() ? EnsembleWeights.DEFAULT : new EnsembleWeights(1, 0);
    }

    private void restore(SalesTable previous, Exception cause) {
        try {
            master.write(previous);
            log.warn("Model version not published; master dataset restored", cause);
        } catch (IOException | RuntimeException restoreFailure) {
            cause.addSuppressed(restoreFailure);
            log.error("Model version not published and the master dataset could not be restored; "
                    + "the previous master is the backup version ({})", master.backupIndexFile(), restoreFailure);
        }
    }

    private static Map<String, Object> versionMetrics(AdditiveStage.Fits fits, LstmStage.Outcome lstmOutcome,
                                                      LstmPlan plan, EvaluateStage.Outcome evaluation,
                                                      StageClock clock) {
        LstmTrainingResult lstm = lstmOutcome.served();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backtest", evaluation.report());
        m.put("ensemble_weights", EvaluateStage.weightsReport(evaluation));
        Map<String, Object> lstmInfo = new LinkedHashMap<>();
        lstmInfo.put("fine_tuned", lstm.fineTuned());
        lstmInfo.put("epochs_run", lstm.epochsRun());
        lstmInfo.put("catch_up_epochs", lstmOutcome.catchUpEpochs());
        lstmInfo.put("training", lstmOutcome.incremental() ? "incremental"
                : plan.mode() == TrainingMode.FULL ? "full" : "fine_tune");
        lstmInfo.put(LstmPlan.TRAININGS_SINCE_FULL, plan.mode() == TrainingMode.FULL ? 0 : plan.trainingsSinceFull());
        lstmInfo.put("best_val_loss", EvaluateStage.finiteOrNull(lstm.bestValLoss()));
        m.put("lstm", lstmInfo);
        m.put("additive_models", fits.models().size());
        m.put("additive_reused", fits.reused());
        if (!fits.skipped().isEmpty()) {
            m.put("additive_skipped", fits.skipped());
        }
        m.put("training_seconds", clock.timings());
        return m;
    }

    /** Wall time per stage, also recorded as retrain_stage_duration_seconds. */
    private final class StageClock {
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private long mark = System.nanoTime();

        StageClock(Duration validation) {
            seconds.put(Stage.VALIDATE.wireName(), validation.toNanos() / 1e9);
        }

        void finished(Stage stage) {
            long now = System.nanoTime();
            Duration took = Duration.ofNanos(now - mark);
            mark = now;
            seconds.put(stage.wireName(), Math.round(took.toNanos() / 1e6) / 1e3);
            metrics.stageFinished(stage, took);
        }

        Map<String, Double> timings() {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        }
    }
}
