package org.stockcast.model.lstm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LstmForecasterTest {
    private static final double[] HISTORY = SyntheticSeries.weekly(200, 30, 12, 1.0, 9);
    private static LstmForecaster forecaster;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        forecaster = LstmTrainer.train(List.of(HISTORY, SyntheticSeries.weekly(200, 3, 1, 0, 4)),
                SyntheticSeries.tinyConfig(3), TrainingMode.FULL, Optional.empty(), TrainingListener.NONE).forecaster();
    }

    @Test
    void saveAndLoadRoundTripGivesTheSameForecasts() throws IOException {
        Path zip = dir.resolve("models/1/lstm.zip");

        forecaster.save(zip);
        LstmForecaster loaded = LstmForecaster.load(zip);

        assertThat(loaded.config()).isEqualTo(forecaster.config());
        assertThat(loaded.normaliser()).isEqualTo(forecaster.normaliser());
        assertThat(loaded.forecast(HISTORY, 365)).containsExactly(forecaster.forecast(HISTORY, 365));
        assertThat(loaded.network().params()).isEqualTo(forecaster.network().params());
    }

    @Test
    void loadedForServingForecastsTheSameAndCannotBeSaved() throws IOException {
        Path zip = dir.resolve("models/1/lstm.zip");
        forecaster.save(zip);

        LstmForecaster serving = LstmForecaster.loadForServing(zip);

        assertThat(serving.network()).isNull();
        assertThat(serving.forecast(HISTORY, 365)).containsExactly(forecaster.forecast(HISTORY, 365));
        assertThatThrownBy(() -> serving.save(dir.resolve("copy.zip"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loadingForServingForcesNoGarbageCollection() throws IOException {
        // MultiLayerNetwork.close() runs System.gc() twice: full stop-the-world collections on every model swap
        Path zip = dir.resolve("models/1/lstm.zip");
        forecaster.save(zip);
        Path events = dir.resolve("system-gc.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.SystemGC");
            recording.start();
            for (int i = 0; i < 3; i++) {
                LstmForecaster.loadForServing(zip);
            }
            System.gc(); // the one collection asked for here shows the recording sees them
            recording.stop();
            recording.dump(events);
        }
        assertThat(RecordingFile.readAllEvents(events)).hasSize(1);
    }

    @Test
    void allZeroHistoryForecastsZero() {
        assertThat(SyntheticSeries.boxed(forecaster.forecast(new double[30], 365))).allSatisfy(v -> assertThat(v).isEqualTo(0.0));
    }

    @Test
    void forecastsAreNonNegativeAndFiniteForAYear() {
        assertThat(SyntheticSeries.boxed(forecaster.forecast(HISTORY, 365))).hasSize(365)
                .allSatisfy(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0.0));
    }

    /**
     * A network that answers every window with the largest ratio it may (its output bias set far up), fed its own
     * output: each step would be 20 times the last window's mean, compounding without end. The rollout stops at the
     * history's highest day instead, and the served (damped) path stays finite below it too.
     */
    @Test
    void anExplodingRolloutStopsAtTheHistorysHighestDay() {
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork broken = forecaster.network().clone();
        broken.getLayer(broken.getnLayers() - 1).getParam("b").assign(50);
        LstmForecaster exploding = new LstmForecaster(forecaster.config(), forecaster.normaliser(), broken);
        double highest = java.util.Arrays.stream(HISTORY).max().orElseThrow();
        double[] free = exploding.forecast(HISTORY, 120, Rollout.FREE);
        assertThat(SyntheticSeries.boxed(free)).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(highest));
        assertThat(free[119]).isEqualTo(highest);
        assertThat(SyntheticSeries.boxed(exploding.forecast(HISTORY, 120)))
                .allSatisfy(v -> assertThat(v).isFinite().isLessThanOrEqualTo(highest));
    }

    @Test
    void shortHistoryIsPaddedWithItsMean() {
        assertThat(forecaster.forecast(new double[]{4, 6}, 3))
                .containsExactly(forecaster.forecast(new double[]{5, 5, 5, 5, 5, 5, 5, 5, 4, 6}, 3));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> forecaster.forecast(HISTORY, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> forecaster.forecast(HISTORY, 366)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> forecaster.forecast(new double[]{1, Double.POSITIVE_INFINITY}, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingDaysInTheWindowAreFilledFromAWeekEarlierOrTheLastKnownDay() {
        double[] gappy = HISTORY.clone();
        int n = gappy.length;
        gappy[n - 1] = Double.NaN;
        gappy[n - 3] = Double.NaN;
        double[] filled = HISTORY.clone();
        filled[n - 1] = HISTORY[n - 8];
        filled[n - 3] = HISTORY[n - 10];

        double[] forecast = forecaster.forecast(gappy, 30);

        assertThat(forecast).containsExactly(forecaster.forecast(filled, 30));
        assertThat(SyntheticSeries.boxed(forecaster.forecast(new double[]{Double.NaN, Double.NaN}, 5)))
                .allSatisfy(v -> assertThat(v).isEqualTo(0.0));
        assertThat(MissingDays.filled(new double[]{Double.NaN, 4, Double.NaN})).containsExactly(4, 4, 4);
    }

    @Test
    void loadingAFileThatIsNotAModelFails() {
        assertThatThrownBy(() -> LstmForecaster.load(dir.resolve("nope.zip"))).isInstanceOf(IOException.class);
    }
}
