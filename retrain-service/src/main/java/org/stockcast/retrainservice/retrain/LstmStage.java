package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.ModelVersionFiles;
import org.stockcast.model.lstm.EpochProgress;
import org.stockcast.model.lstm.Increment;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.lstm.LstmTrainer;
import org.stockcast.model.lstm.LstmTrainingResult;
import org.stockcast.model.lstm.TrainingListener;
import org.stockcast.model.lstm.TrainingMode;
import org.stockcast.model.store.ModelStore;

/**
 * Stage "lstm". Two lineages of weights, so the backtest never scores the LSTM on days it was trained on:
 * <ol>
 * <li>the <em>holdout</em> network is fine-tuned from the previous version's holdout network (or trained fresh) on
 * every series cut {@code holdoutDays} before the dataset's last day; the evaluate stage scores it on those days;</li>
 * <li>the <em>served</em> network is that one fine-tuned a few epochs more on the held-out days' windows of the full
 * series (with as many older windows replayed), so what is served has seen the newest days.</li>
 * </ol>
 * Both are saved in the version ({@code lstm-holdout.zip}, {@code lstm.zip}); the holdout lineage only ever saw days
 * before its own cut, which only moves forward, so continuing it next time keeps the backtest honest.
 * Without enough history for a holdout, the network trains on everything and is not scored (weight 0).
 */
final class LstmStage {
    /** Epochs of the served network's catch-up fine-tune on the held-out days (early stopping may end sooner). */
    static final int CATCH_UP_EPOCHS = 5;

    /** A file of the previous version to continue from, and which version it came from. */
    record Previous(int version, Path file) {
    }

    /**
     * The served network (its {@code epochsRun} counts the main training's epochs, those streamed as epoch events),
     * the scored one (absent without a holdout), the dataset day its training ended on, and the catch-up's epochs.
     */
    record Outcome(LstmTrainingResult served, Optional<LstmForecaster> scored, Optional<LocalDate> scoredCut,
                   int catchUpEpochs, boolean incremental) {
    }

    private LstmStage() {
    }

    /** One training series: whose it is (empty for the total), its first day and its values. */
    record TrainingSeries(Optional<String> product, LocalDate start, double[] values) {
    }

    /**
     * The total and every product, each cut to its last {@code maxHistoryDays} days (0 = whole series) and to days
     * up to {@code until}, built under {@code rules} (missing days stay NaN: their windows are skipped): the global
     * network learns from all of them. Series too short for one window are left out.
     */
    static List<double[]> trainingSeries(SalesTable table, int window, int maxHistoryDays, LocalDate until,
                                         SeriesRules rules) {
        return values(series(table, window, maxHistoryDays, until, rules));
    }

    /** As {@link #trainingSeries} with each series' product and first day. */
    static List<TrainingSeries> series(SalesTable table, int window, int maxHistoryDays, LocalDate until,
                                       SeriesRules rules) {
        List<TrainingSeries> series = new ArrayList<>();
        List<Optional<String>> products = new ArrayList<>();
        products.add(Optional.empty());
        table.productIds().forEach(id -> products.add(Optional.of(id)));
        SeriesSource source = SeriesSource.of(table, rules);
        for (Optional<String> product : products) {
            source.dailySeries(product.map(SalesFilter::product).orElse(SalesFilter.ALL)).ifPresent(s -> {
                double[] upTo = until(s, until);
                double[] values = recent(upTo, maxHistoryDays);
                if (values.length > window) {
                    series.add(new TrainingSeries(product, s.start().plusDays(upTo.length - values.length), values));
                }
            });
        }
        return series;
    }

    static List<double[]> values(List<TrainingSeries> series) {
        return series.stream().map(TrainingSeries::values).toList();
    }

    /** The days of {@code series} up to and including {@code until}. */
    static double[] until(DailySeries series, LocalDate until) {
        long keep = ChronoUnit.DAYS.between(series.start(), until) + 1;
        return Arrays.copyOf(series.values(), (int) Math.max(0, Math.min(series.length(), keep)));
    }

    static double[] recent(double[] values, int maxDays) {
        return maxDays <= 0 || values.length <= maxDays ? values
                : Arrays.copyOfRange(values, values.length - maxDays, values.length);
    }

    /** The newest version whose manifest verifies and which holds {@code file}; broken versions are passed over. */
    static Optional<Previous> previous(ModelStore store, String file) throws IOException {
        for (int version : store.versions()) {
            if (store.verify(version).ok()) {
                Path path = store.versionDir(version).resolve(file);
                if (Files.isRegularFile(path)) {
                    return Optional.of(new Previous(version, path));
                }
            }
        }
        return Optional.empty();
    }

    static Outcome train(SalesTable table, LstmConfig config, int maxHistoryDays, int holdoutDays, TrainingMode mode,
                         ModelStore store, RetrainProgress progress) throws IOException {
        return train(table, config, maxHistoryDays, holdoutDays, mode, Optional.empty(), store, SeriesRules.DEFAULT,
                progress);
    }

    /**
     * With {@code incremental} (a FINE_TUNE whose previous version holds both lineages) each lineage is fine-tuned on
     * what is new to it ({@link IncrementalLstm}); otherwise, or when that cannot continue the saved networks, the
     * holdout lineage trains on every window and the served one catches up on the held-out days.
     */
    static Outcome train(SalesTable table, LstmConfig config, int maxHistoryDays, int holdoutDays, TrainingMode mode,
                         Optional<IncrementalLstm> incremental, ModelStore store, SeriesRules rules,
                         RetrainProgress progress) throws IOException {
        if (mode == TrainingMode.FINE_TUNE && incremental.isPresent()) {
            Optional<Outcome> outcome = incremental.get().train(table, maxHistoryDays, holdoutDays, store, rules,
                    progress);
            if (outcome.isPresent()) {
                return outcome.get();
            }
        }
        LocalDate last = table.lastDate().orElseThrow(() -> new IllegalStateException("empty dataset"));
        LocalDate cut = last.minusDays(holdoutDays);
        List<double[]> held = trainingSeries(table, config.window(), maxHistoryDays, cut, rules);
        TrainingListener listener = listener(progress);
        if (held.isEmpty()) {
            progress.stage(Stage.LSTM, "Too little history to hold " + holdoutDays
                    + " days out for the backtest: training on everything, the LSTM gets no ensemble weight");
            Optional<Previous> previous = mode == TrainingMode.FINE_TUNE
                    ? previous(store, ModelVersionFiles.LSTM) : Optional.empty();
            LstmTrainingResult served = LstmTrainer.train(trainingSeries(table, config.window(), maxHistoryDays, last,
                            rules),
                    config, mode, previous.map(Previous::file), listener);
            report(progress, "trained", served);
            return new Outcome(served, Optional.empty(), Optional.empty(), 0, false);
        }
        // Only the holdout lineage may seed the scored network: the served one has seen the held-out days.
        Optional<Previous> previous = mode == TrainingMode.FINE_TUNE
                ? previous(store, ModelVersionFiles.LSTM_HOLDOUT) : Optional.empty();
        previous.ifPresent(p -> progress.stage(Stage.LSTM, "Previous LSTM: model version " + p.version()));
        progress.stage(Stage.LSTM, "Training the LSTM on data up to " + cut + "; the last " + holdoutDays
                + " days are held out for the backtest");
        LstmTrainingResult scored = LstmTrainer.train(held, config, mode, previous.map(Previous::file), listener);
        report(progress, "held-out", scored);

        progress.stage(Stage.LSTM, "Fine-tuning the LSTM on the " + holdoutDays + " held-out days...");
        List<TrainingSeries> full = series(table, config.window(), maxHistoryDays, last, rules);
        // the held-out days' windows (a uniform sample when there are more than the cap) and as many older ones
        Increment heldOutDays = new Increment(full.stream().mapToInt(s -> (int) Math.max(0, Math.min(
                s.values().length, ChronoUnit.DAYS.between(s.start(), cut) + 1))).toArray(), 1.0);
        LstmConfig catchUp = config.withEpochs(Math.min(config.epochs(), CATCH_UP_EPOCHS));
        Path zip = Files.createTempFile("lstm-holdout", ".zip");
        try {
            scored.forecaster().save(zip);
            LstmTrainingResult served = LstmTrainer.fineTune(values(full), heldOutDays, catchUp, zip,
                    catchUpListener(progress)).orElseThrow(() -> new IllegalStateException(
                    "The held-out LSTM just saved cannot be read back"));
            report(progress, "served", served);
            return new Outcome(new LstmTrainingResult(served.forecaster(), scored.fineTuned(),
                    scored.epochsRun(), served.bestValLoss()), Optional.of(scored.forecaster()), Optional.of(cut),
                    served.epochsRun(), false);
        } finally {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void report(RetrainProgress progress, String which, LstmTrainingResult result) {
        progress.stage(Stage.LSTM, String.format(Locale.ROOT, "LSTM (%s) %s: %d epochs, best validation loss %.4f",
                which, result.fineTuned() ? "fine-tuned" : "trained from scratch", result.epochsRun(),
                result.bestValLoss()));
    }

    /**
     * The catch-up's epochs go out as plain messages: epoch events count the requested {@code epochs} of the main
     * training, which is what a client's progress bar is for.
     */
    static TrainingListener catchUpListener(RetrainProgress progress) {
        return listener(progress, epoch -> progress.stage(Stage.LSTM, String.format(Locale.ROOT,
                "LSTM catch-up epoch %d/%d - loss=%.4f", epoch.epoch(), epoch.epochs(), epoch.loss())));
    }

    static TrainingListener listener(RetrainProgress progress) {
        return listener(progress, progress::epoch);
    }

    private static TrainingListener listener(RetrainProgress progress,
                                             java.util.function.Consumer<EpochProgress> epochs) {
        return new TrainingListener() {
            @Override
            public void message(String text) {
                progress.stage(Stage.LSTM, text);
            }

            @Override
            public void epoch(EpochProgress epoch) {
                epochs.accept(epoch);
            }
        };
    }
}
