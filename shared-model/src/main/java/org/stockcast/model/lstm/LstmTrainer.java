package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

/** Trains the global LSTM on windows from every given series. */
public final class LstmTrainer {
    private static final Logger log = LoggerFactory.getLogger(LstmTrainer.class);

    private LstmTrainer() {
    }

    /**
     * Trains with early stopping on the held-out last part of each series and returns the best epoch's weights.
     * Progress: {@link TrainingListener#epoch} after every epoch ({@code valLoss} equals {@code loss} when the
     * series are too short to hold any validation window), {@link TrainingListener#message} for each step.
     *
     * @param series daily series (each product, the total, ...), oldest first, values >= 0; series shorter than
     *               {@code window + 1} are skipped, and if all are, an IllegalArgumentException says so
     * @param previous the previous version's LSTM zip for FINE_TUNE; a missing, unreadable or
     *                 differently shaped one falls back to fresh weights with a listener message saying why
     */
    public static LstmTrainingResult train(List<double[]> series, LstmConfig config, TrainingMode mode,
                                           Optional<Path> previous, TrainingListener listener) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(listener, "listener");

        Optional<LstmModelFile.Saved> start = mode == TrainingMode.FINE_TUNE
                ? loadPrevious(previous, config, listener)
                : fullRetrain(listener);
        TrainingWindows windows = TrainingWindows.build(series, config, start.map(s -> s.meta().normaliser()));
        listener.message(String.format(Locale.ROOT,
                "Training LSTM on %d windows (%d for validation) from %d series%s", windows.train().count(),
                windows.validation().count(), windows.seriesUsed(),
                windows.seriesSkipped() > 0 ? ", " + windows.seriesSkipped() + " series too short to use" : ""));

        MultiLayerNetwork network = start.map(LstmModelFile.Saved::network).orElseGet(() -> LstmNetworks.fresh(config));
        if (windows.nothingToLearn()) {
            // All-zero, missing or too-short histories must not fail a retrain: keep the weights we start from.
            String why = windows.seriesUsed() == 0
                    ? String.format(Locale.ROOT, "No series is long enough to train the LSTM (need at least %d "
                    + "days: window %d + 1; the longest of %d series has %d)", config.window() + 1, config.window(),
                    series.size(), series.stream().mapToInt(s -> s.length).max().orElse(0))
                    : String.format(Locale.ROOT, "Every LSTM training window is all zeros or has a missing day "
                    + "(%d zero, %d with missing days)", windows.zeroWindowsSkipped(),
                    windows.missingWindowsSkipped());
            listener.message(why + ": skipping the LSTM training and keeping the "
                    + (start.isPresent() ? "previous" : "initial") + " network");
            return new LstmTrainingResult(new LstmForecaster(config, windows.normaliser(), network),
                    start.isPresent(), 0, Double.NaN);
        }
        if (start.isPresent()) {
            network.setLearningRate(config.learningRate());
        }
        EarlyStopping.Outcome outcome = new EarlyStopping(config, listener).run(network, windows);
        return new LstmTrainingResult(new LstmForecaster(config, windows.normaliser(), network), start.isPresent(),
                outcome.epochsRun(), outcome.bestLoss());
    }

    /**
     * Fine-tunes the saved network on what is new ({@link Increment}: the windows whose target day is new, a replay
     * sample of older ones, early stopping on other older ones), for {@code config.epochs()} epochs at most: the
     * daily retrain's cost follows the days that changed, not the size of the history. The saved normaliser is
     * kept. With no new window the saved network is returned as it is (0 epochs). Empty when the saved network is
     * missing, unreadable or differently shaped (the listener says why): the caller trains on every window instead.
     */
    public static Optional<LstmTrainingResult> fineTune(List<double[]> series, Increment increment,
                                                        LstmConfig config, Path previous,
                                                        TrainingListener listener) {
        Objects.requireNonNull(increment, "increment");
        Optional<LstmModelFile.Saved> start = loadPrevious(Optional.of(previous), config, listener);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        WindowNormaliser normaliser = start.get().meta().normaliser();
        TrainingWindows windows = IncrementalWindows.build(series, increment, config, normaliser);
        MultiLayerNetwork network = start.get().network();
        if (windows.nothingToLearn()) {
            listener.message("No new LSTM training window since the saved network: keeping it as it is");
            return Optional.of(new LstmTrainingResult(new LstmForecaster(config, normaliser, network), true, 0,
                    Double.NaN));
        }
        listener.message(String.format(Locale.ROOT, "Fine-tuning the LSTM on %d new and replayed windows (%d older "
                + "ones for validation) from %d series", windows.train().count(), windows.validation().count(),
                windows.seriesUsed()));
        network.setLearningRate(config.learningRate());
        EarlyStopping.Outcome outcome = new EarlyStopping(config, listener).run(network, windows);
        return Optional.of(new LstmTrainingResult(new LstmForecaster(config, normaliser, network), true,
                outcome.epochsRun(), outcome.bestLoss()));
    }

    private static Optional<LstmModelFile.Saved> fullRetrain(TrainingListener listener) {
        listener.message("Full retrain requested: training a fresh LSTM network");
        return Optional.empty();
    }

    private static Optional<LstmModelFile.Saved> loadPrevious(Optional<Path> previous, LstmConfig config,
                                                              TrainingListener listener) {
        if (previous.isEmpty() || !Files.isRegularFile(previous.get())) {
            listener.message("No existing LSTM model to fine-tune; training a fresh network");
            return Optional.empty();
        }
        listener.message("Loading existing LSTM model for fine-tuning...");
        LstmModelFile.Saved saved;
        try {
            saved = LstmModelFile.read(previous.get());
        } catch (IOException | RuntimeException e) {
            log.warn("Previous LSTM model {} failed to load", previous.get(), e);
            listener.message("Existing LSTM model failed to load (" + e.getMessage() + "); training a fresh network");
            return Optional.empty();
        }
        LstmConfig old = saved.meta().config();
        if (!config.sameArchitectureAs(old)) {
            listener.message("LSTM architecture changed (" + old.architecture() + " -> " + config.architecture()
                    + "); training a fresh network");
            return Optional.empty();
        }
        listener.message("Fine-tuning the existing LSTM model");
        return Optional.of(saved);
    }

    /** The epoch loop: shuffled minibatches, validation loss, patience, best weights and updater state kept. */
    static final class EarlyStopping {
        record Outcome(int epochsRun, double bestLoss) {
        }

        private final LstmConfig config;
        private final TrainingListener listener;

        EarlyStopping(LstmConfig config, TrainingListener listener) {
            this.config = config;
            this.listener = listener;
        }

        /**
         * Trains with {@link JavaLstmTraining} (plain-Java forward, BPTT, inverted dropout and Adam: 4-6x less CPU
         * per epoch than DL4J's fit, BENCHMARKS.md), starting from the network's weights and Adam state and writing
         * the best epoch's weights, Adam state and iteration count back into it, so saving and fine-tuning work
         * exactly as after DL4J's own fit. Each minibatch's gradient is split over {@code config.trainingThreads()}
         * threads ({@link ParallelGradients}).
         */
        Outcome run(MultiLayerNetwork network, TrainingWindows windows) {
            JavaLstmTraining training = new JavaLstmTraining(config, config.batchSize());
            int[] dl4jIndexes = training.dl4jIndexes(config);
            training.readState(network, dl4jIndexes);
            try (ParallelGradients gradients = new ParallelGradients(training, config)) {
                return run(network, windows, training, gradients, dl4jIndexes);
            }
        }

        private Outcome run(MultiLayerNetwork network, TrainingWindows windows, JavaLstmTraining training,
                            ParallelGradients gradients, int[] dl4jIndexes) {
            TrainingWindows.Windows train = windows.train();
            TrainingWindows.Windows validation = windows.validation();
            Random random = new Random(config.seed());
            SplittableRandom dropout = new SplittableRandom(config.seed());
            int n = train.count();
            int window = train.window();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            float[] inputs = new float[n * window];
            float[] targets = new float[n];
            double best = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            float[] bestState = null;
            int epoch = 0;
            while (epoch < config.epochs()) {
                epoch++;
                long started = System.nanoTime();
                shuffle(order, random);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(train.inputs(), order[i] * window, inputs, i * window, window);
                    targets[i] = train.targets()[order[i]];
                }
                double loss = fitEpoch(training, gradients, inputs, targets, n, dropout);
                double valLoss = validation.count() > 0
                        ? training.loss(validation.inputs(), validation.targets(), validation.count()) : loss;
                log.debug("LSTM epoch {}/{}: loss {} val {} in {} ms", epoch, config.epochs(), loss, valLoss,
                        (System.nanoTime() - started) / 1_000_000);
                listener.epoch(new EpochProgress(epoch, config.epochs(), loss, valLoss));
                if (!Double.isFinite(loss) || !Double.isFinite(valLoss)) {
                    listener.message("LSTM training diverged at epoch " + epoch + "; keeping the best epoch");
                    break;
                }
                if (valLoss < best) {
                    best = valLoss;
                    bestEpoch = epoch;
                    bestState = training.snapshot();
                } else if (epoch - bestEpoch >= config.patience()) {
                    listener.message(String.format(Locale.ROOT, "Early stopping at epoch %d: no validation "
                            + "improvement for %d epochs (best %.6f at epoch %d)", epoch, config.patience(), best,
                            bestEpoch));
                    break;
                }
            }
            if (bestState == null) {
                throw new IllegalStateException("LSTM training diverged in the first epoch (loss is not finite)");
            }
            training.restore(bestState);
            training.writeState(network, dl4jIndexes);
            return new Outcome(epoch, best);
        }

        /** One pass over the shuffled windows; returns the example-weighted mean minibatch loss (as Keras reports). */
        private double fitEpoch(JavaLstmTraining training, ParallelGradients gradients, float[] inputs,
                                float[] targets, int n, SplittableRandom dropout) {
            double weightedLoss = 0;
            for (int from = 0; from < n; from += config.batchSize()) {
                int size = Math.min(config.batchSize(), n - from);
                weightedLoss += gradients.lossAndGradients(inputs, targets, from, size, dropout) * size;
                training.adamStep();
            }
            return weightedLoss / n;
        }

        private static int[] shuffle(int[] order, Random random) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            return order;
        }
    }
}
