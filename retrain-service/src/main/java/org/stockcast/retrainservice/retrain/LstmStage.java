package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ensemble.ModelVersionFiles;
import org.stockcast.model.lstm.EpochProgress;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.lstm.LstmTrainer;
import org.stockcast.model.lstm.LstmTrainingResult;
import org.stockcast.model.lstm.TrainingListener;
import org.stockcast.model.lstm.TrainingMode;
import org.stockcast.model.store.ModelStore;

/** Stage "lstm": fine-tune the global LSTM from the newest valid version, or train it from scratch. */
final class LstmStage {
    /** The previous network to continue from, and which version it came from. */
    record Previous(int version, Path zip) {
    }

    private LstmStage() {
    }

    /**
     * The total and every product, each cut to its last {@code maxHistoryDays} days (0 = whole series): the
     * global network learns from all of them. Series too short for one window are left out.
     */
    static List<double[]> trainingSeries(SalesTable table, int window, int maxHistoryDays) {
        List<double[]> series = new ArrayList<>();
        table.dailySeries(SalesFilter.ALL).map(s -> recent(s.values(), maxHistoryDays)).ifPresent(series::add);
        for (String product : table.productIds()) {
            table.dailySeries(SalesFilter.product(product)).map(s -> recent(s.values(), maxHistoryDays))
                    .filter(values -> values.length > window)
                    .ifPresent(series::add);
        }
        return series;
    }

    static double[] recent(double[] values, int maxDays) {
        return maxDays <= 0 || values.length <= maxDays ? values
                : Arrays.copyOfRange(values, values.length - maxDays, values.length);
    }

    /** The LSTM of the newest version whose manifest verifies; broken versions are passed over. */
    static Optional<Previous> previous(ModelStore store) throws IOException {
        for (int version : store.versions()) {
            if (store.verify(version).ok()) {
                Path zip = store.versionDir(version).resolve(ModelVersionFiles.LSTM);
                if (Files.isRegularFile(zip)) {
                    return Optional.of(new Previous(version, zip));
                }
            }
        }
        return Optional.empty();
    }

    static LstmTrainingResult train(SalesTable table, LstmConfig config, int maxHistoryDays, boolean fineTune,
                                    ModelStore store, RetrainProgress progress) throws IOException {
        Optional<Previous> previous = fineTune ? previous(store) : Optional.empty();
        // The trainer says whether it fine-tunes or starts fresh (and why); this adds which version it continues.
        previous.ifPresent(p -> progress.stage(Stage.LSTM, "Previous LSTM: model version " + p.version()));
        List<double[]> series = trainingSeries(table, config.window(), maxHistoryDays);
        TrainingMode mode = fineTune ? TrainingMode.FINE_TUNE : TrainingMode.FULL;
        LstmTrainingResult result = LstmTrainer.train(series, config, mode, previous.map(Previous::zip),
                new TrainingListener() {
                    @Override
                    public void message(String text) {
                        progress.stage(Stage.LSTM, text);
                    }

                    @Override
                    public void epoch(EpochProgress epoch) {
                        progress.epoch(epoch);
                    }
                });
        progress.stage(Stage.LSTM, String.format(java.util.Locale.ROOT,
                "LSTM %s: %d epochs, best validation loss %.4f",
                result.fineTuned() ? "fine-tuned" : "trained from scratch", result.epochsRun(),
                result.bestValLoss()));
        return result;
    }
}
