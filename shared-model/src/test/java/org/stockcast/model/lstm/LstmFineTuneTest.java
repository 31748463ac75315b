package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Fine-tuning really continues from the saved network and optimizer state. */
class LstmFineTuneTest {
    private static final List<double[]> SERIES = List.of(
            SyntheticSeries.weekly(320, 20, 10, 0.0, 1),
            SyntheticSeries.weekly(320, 400, 150, 2.0, 2));
    private static final LstmConfig CONFIG = SyntheticSeries.tinyConfig(10);

    @TempDir
    static Path dir;
    private static Path previousZip;
    private static LstmTrainingResult previous;
    private static RecordingListener previousListener;

    @BeforeAll
    static void trainAndSave() throws IOException {
        previousListener = new RecordingListener();
        previous = LstmTrainer.train(SERIES, CONFIG, TrainingMode.FULL, Optional.empty(), previousListener);
        previousZip = dir.resolve("lstm.zip");
        previous.forecaster().save(previousZip);
    }

    @Test
    void loadedWeightsAndUpdaterStateEqualTheSavedOnes() throws IOException {
        MultiLayerNetwork saved = previous.forecaster().network();

        MultiLayerNetwork loaded = LstmModelFile.read(previousZip).network();

        assertThat(loaded.params()).isEqualTo(saved.params());
        assertThat(loaded.getUpdater().getStateViewArray()).isEqualTo(saved.getUpdater().getStateViewArray());
        assertThat(loaded.getUpdater().getStateViewArray().sumNumber().doubleValue()).isNotZero();
    }

    @Test
    void fineTuneStartsFromTheSavedWeights() {
        // A vanishing learning rate leaves the weights where training started: the saved ones.
        LstmConfig frozen = new LstmConfig(CONFIG.window(), CONFIG.units(), CONFIG.layers(), CONFIG.dropout(),
                CONFIG.activation(), 1e-12, CONFIG.batchSize(), 1, 1, CONFIG.validationFraction(), CONFIG.seed(),
                CONFIG.maxTrainingWindows());

        LstmTrainingResult tuned = LstmTrainer.train(SERIES, frozen, TrainingMode.FINE_TUNE, Optional.of(previousZip),
                TrainingListener.NONE);

        assertThat(tuned.fineTuned()).isTrue();
        assertThat(tuned.forecaster().network().params().distance2(previous.forecaster().network().params()))
                .isLessThan(1e-5);
        assertThat(tuned.forecaster().normaliser()).isEqualTo(previous.forecaster().normaliser());
    }

    @Test
    void firstFineTuneEpochLossIsNearThePreviousLastLossAndFarBelowAFreshNetwork() {
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult tuned = LstmTrainer.train(SERIES, CONFIG.withEpochs(1), TrainingMode.FINE_TUNE,
                Optional.of(previousZip), listener);

        double previousLast = previousListener.last().loss();
        double freshFirst = previousListener.epochs.get(0).loss();
        double tunedFirst = listener.epochs.get(0).loss();
        assertThat(tuned.fineTuned()).isTrue();
        assertThat(listener.messages).contains("Loading existing LSTM model for fine-tuning...");
        assertThat(tunedFirst).as("fine-tune epoch 1 vs previous last %s", previousLast)
                .isLessThan(previousLast * 1.5);
        assertThat(freshFirst).as("fresh epoch 1 vs fine-tune epoch 1 %s", tunedFirst)
                .isGreaterThan(tunedFirst * 3);
    }

    @Test
    void changedArchitectureFallsBackToAFreshNetworkWithAMessage() {
        LstmConfig wider = new LstmConfig(CONFIG.window(), CONFIG.units() + 2, CONFIG.layers(), CONFIG.dropout(),
                CONFIG.activation(), CONFIG.learningRate(), CONFIG.batchSize(), 1, 1, CONFIG.validationFraction(),
                CONFIG.seed(), CONFIG.maxTrainingWindows());
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult result = LstmTrainer.train(SERIES, wider, TrainingMode.FINE_TUNE, Optional.of(previousZip),
                listener);

        assertThat(result.fineTuned()).isFalse();
        assertThat(listener.messages).anyMatch(m -> m.startsWith("LSTM architecture changed (")
                && m.contains("LSTM(8, RELU)") && m.contains("LSTM(10, RELU)"));
    }

    @Test
    void fullModeIgnoresThePreviousModel() {
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult result = LstmTrainer.train(SERIES, CONFIG.withEpochs(1), TrainingMode.FULL,
                Optional.of(previousZip), listener);

        assertThat(result.fineTuned()).isFalse();
        assertThat(listener.messages).doesNotContain("Loading existing LSTM model for fine-tuning...");
    }
}
