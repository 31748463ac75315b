package org.stockcast.model.lstm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LstmTrainerTest {
    private static final List<double[]> SERIES = List.of(
            SyntheticSeries.weekly(300, 20, 10, 0.0, 1),
            SyntheticSeries.weekly(300, 400, 150, 2.0, 2),
            SyntheticSeries.weekly(5, 1, 0, 0, 3));

    private static LstmTrainingResult trained;
    private static RecordingListener trainedListener;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() {
        trainedListener = new RecordingListener();
        trained = LstmTrainer.train(SERIES, SyntheticSeries.tinyConfig(8), TrainingMode.FULL, Optional.empty(),
                trainedListener);
    }

    @Test
    void reportsEveryEpochAndLearns() {
        assertThat(trained.fineTuned()).isFalse();
        assertThat(trainedListener.epochs).hasSize(trained.epochsRun());
        assertThat(trainedListener.epochs.get(0).epochs()).isEqualTo(8);
        assertThat(trainedListener.last().loss()).isLessThan(trainedListener.epochs.get(0).loss());
        assertThat(trained.bestValLoss()).isFinite().isPositive();
        assertThat(trainedListener.messages).anyMatch(m -> m.contains("1 series too short"));
    }

    @Test
    void forecastsForDifferentSeriesDifferAndStayInRange() {
        double[] small = trained.forecaster().forecast(SERIES.get(0), 30);
        double[] large = trained.forecaster().forecast(SERIES.get(1), 30);

        assertThat(SyntheticSeries.boxed(small)).hasSize(30).allSatisfy(v -> assertThat(v).isBetween(0.0, 60.0));
        assertThat(SyntheticSeries.boxed(large)).hasSize(30).allSatisfy(v -> assertThat(v).isBetween(50.0, 1000.0));
        assertThat(mean(large)).isGreaterThan(10 * mean(small));
    }

    @Test
    void allSeriesTooShortKeepTheInitialNetworkAndSayWhy() {
        List<double[]> tooShort = List.of(new double[5], new double[10]);
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult result = LstmTrainer.train(tooShort, SyntheticSeries.tinyConfig(1), TrainingMode.FULL,
                Optional.empty(), listener);

        assertThat(result.epochsRun()).isZero();
        assertThat(listener.messages).anyMatch(m -> m.contains("need at least 11 days")
                && m.contains("longest of 2 series has 10") && m.contains("keeping the initial network"));
        assertThat(result.forecaster().forecast(new double[] {1, 2, 3}, 5)).hasSize(5);
    }

    @Test
    void allZeroSeriesSkipTheTrainingAndKeepThePreviousNetwork() throws Exception {
        Path zip = dir.resolve("previous.zip");
        LstmTrainingResult previous = LstmTrainer.train(SERIES, SyntheticSeries.tinyConfig(1), TrainingMode.FULL,
                Optional.empty(), TrainingListener.NONE);
        previous.forecaster().save(zip);
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult result = LstmTrainer.train(List.of(new double[60], new double[40]),
                SyntheticSeries.tinyConfig(1), TrainingMode.FINE_TUNE, Optional.of(zip), listener);

        assertThat(result.epochsRun()).isZero();
        assertThat(result.fineTuned()).isTrue();
        assertThat(listener.messages).anyMatch(m -> m.contains("skipping the LSTM training")
                && m.contains("previous"));
        double[] history = SERIES.get(0);
        assertThat(result.forecaster().forecast(history, 14))
                .containsExactly(previous.forecaster().forecast(history, 14));
        // and without a previous network the initial one is kept, forecasting 0 after zeros
        LstmTrainingResult fresh = LstmTrainer.train(List.of(new double[60]), SyntheticSeries.tinyConfig(1),
                TrainingMode.FULL, Optional.empty(), TrainingListener.NONE);
        assertThat(fresh.forecaster().forecast(new double[60], 7)).containsOnly(0.0);
    }

    @Test
    void fineTuneWithoutPreviousModelTrainsFreshAndSaysWhy() {
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult result = LstmTrainer.train(SERIES, SyntheticSeries.tinyConfig(1), TrainingMode.FINE_TUNE,
                Optional.of(dir.resolve("missing.zip")), listener);

        assertThat(result.fineTuned()).isFalse();
        assertThat(listener.messages).anyMatch(m -> m.contains("No existing LSTM model"));
    }

    @Test
    void corruptPreviousModelFallsBackToFreshWithAMessage() throws IOException {
        Path corrupt = dir.resolve("lstm.zip");
        Files.write(corrupt, new byte[]{'P', 'K', 3, 4, 42, 42, 42});
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult result = LstmTrainer.train(SERIES, SyntheticSeries.tinyConfig(1), TrainingMode.FINE_TUNE,
                Optional.of(corrupt), listener);

        assertThat(result.fineTuned()).isFalse();
        assertThat(listener.messages).contains("Loading existing LSTM model for fine-tuning...");
        assertThat(listener.messages).anyMatch(m -> m.startsWith("Existing LSTM model failed to load ("));
        assertThat(SyntheticSeries.boxed(result.forecaster().forecast(SERIES.get(0), 5))).allSatisfy(v -> assertThat(v).isFinite());
    }

    /** Progress messages go to every client alike, so numbers in them must not follow the server's locale. */
    @Test
    void earlyStoppingMessageFormatsNumbersTheSameInEveryLocale() {
        LstmConfig impatient = new LstmConfig(10, 8, 1, 0.0, LstmConfig.Activation.RELU, 0.05, 32, 30, 1, 0.1, 7L,
                20_000);
        RecordingListener listener = new RecordingListener();
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            LstmTrainer.train(SERIES, impatient, TrainingMode.FULL, Optional.empty(), listener);
        } finally {
            Locale.setDefault(before);
        }
        assertThat(listener.messages).filteredOn(m -> m.startsWith("Early stopping")).singleElement()
                .asString().containsPattern("best \\d+\\.\\d{6} at epoch");
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
