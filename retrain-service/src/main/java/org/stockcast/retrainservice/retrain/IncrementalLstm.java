package org.stockcast.retrainservice.retrain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.ModelVersionFiles;
import org.stockcast.model.lstm.Increment;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.lstm.LstmTrainer;
import org.stockcast.model.lstm.LstmTrainingResult;
import org.stockcast.model.store.ModelStore;

/**
 * The daily fine-tune, proportional to what changed: both lineages of the previous version ({@link LstmStage}) are
 * continued on the windows whose target day is new to them ({@link LstmChanges}) plus a replay sample of older
 * windows, for a few epochs with early stopping on other older windows ({@link LstmTrainer#fineTune}). The holdout
 * lineage is new to every day after the previous version's cut and before this one's, so it still never sees the
 * days the backtest scores it on; the served lineage continues from the previous served network, which had seen
 * everything up to the previous version's last day.
 *
 * @param config the fine-tune's settings (its epochs and patience, the network's shape)
 */
record IncrementalLstm(LstmChanges changes, LstmConfig config, double replayRatio) {

    /** Empty when the previous version lacks a lineage or a network cannot be continued: train the usual way. */
    Optional<LstmStage.Outcome> train(SalesTable table, int maxHistoryDays, int holdoutDays, ModelStore store,
                                      SeriesRules rules, RetrainProgress progress) {
        Path dir = store.versionDir(changes.previousVersion());
        Path holdoutZip = dir.resolve(ModelVersionFiles.LSTM_HOLDOUT);
        Path servedZip = dir.resolve(ModelVersionFiles.LSTM);
        LocalDate last = table.lastDate().orElseThrow(() -> new IllegalStateException("empty dataset"));
        LocalDate cut = last.minusDays(holdoutDays);
        List<LstmStage.TrainingSeries> held = LstmStage.series(table, config.window(), maxHistoryDays, cut, rules);
        if (!Files.isRegularFile(holdoutZip) || !Files.isRegularFile(servedZip) || held.isEmpty()) {
            return Optional.empty();
        }
        progress.stage(Stage.LSTM, "Previous LSTM: model version " + changes.previousVersion());
        progress.stage(Stage.LSTM, "Incremental fine-tune on what is new since " + changes.previousLastDate()
                + "; the last " + holdoutDays + " days are held out for the backtest");
        LocalDate previousCut = changes.previousLastDate().minusDays(holdoutDays);
        Optional<LstmTrainingResult> scored = LstmTrainer.fineTune(LstmStage.values(held),
                increment(held, previousCut), config, holdoutZip, LstmStage.listener(progress));
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        LstmStage.report(progress, "held-out", scored.get());
        List<LstmStage.TrainingSeries> full = LstmStage.series(table, config.window(), maxHistoryDays, last, rules);
        Optional<LstmTrainingResult> served = LstmTrainer.fineTune(LstmStage.values(full),
                increment(full, changes.previousLastDate()), config, servedZip, LstmStage.catchUpListener(progress));
        if (served.isEmpty()) {
            return Optional.empty();
        }
        LstmStage.report(progress, "served", served.get());
        return Optional.of(new LstmStage.Outcome(new LstmTrainingResult(served.get().forecaster(), true,
                scored.get().epochsRun(), served.get().bestValLoss()), Optional.of(scored.get().forecaster()),
                Optional.of(cut), served.get().epochsRun(), true));
    }

    private Increment increment(List<LstmStage.TrainingSeries> series, LocalDate trainedUntil) {
        int[] firstNew = new int[series.size()];
        for (int i = 0; i < firstNew.length; i++) {
            LstmStage.TrainingSeries s = series.get(i);
            firstNew[i] = changes.firstNewIndex(s.product(), s.start(), s.values().length, trainedUntil);
        }
        return new Increment(firstNew, replayRatio);
    }
}
