package org.stockcast.model.lstm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalWindowsTest {
    private static final LstmConfig CONFIG = SyntheticSeries.tinyConfig(3);
    private static final WindowNormaliser NORMALISER = WindowNormaliser.fit(1.0, 0.2, CONFIG.window());

    @TempDir
    Path dir;

    /** Distinct values everywhere, so every window is told apart by its inputs. */
    private static double[] ramp(int days, double level, double slope) {
        double[] values = new double[days];
        for (int i = 0; i < days; i++) {
            values[i] = level + slope * i;
        }
        return values;
    }

    private static final List<double[]> SERIES = List.of(ramp(200, 100, 1), ramp(150, 1000, 3));

    private static List<float[]> rows(TrainingWindows.Windows windows) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < windows.count(); i++) {
            float[] row = Arrays.copyOfRange(windows.inputs(), i * windows.window(), (i + 1) * windows.window());
            rows.add(Arrays.copyOf(row, row.length + 1));
            rows.get(i)[row.length] = windows.targets()[i];
        }
        return rows;
    }

    /** The windows of series {@code s} whose target index is in [from, to), as the trainer sees them. */
    private static List<float[]> windows(int s, int from, int to) {
        double[] values = SERIES.get(s);
        List<double[]> raw = new ArrayList<>();
        for (int target = from; target < to; target++) {
            int w = target - CONFIG.window();
            raw.add(TrainingWindows.row(values, w, CONFIG.window(), WindowNormaliser.scale(values, w,
                    CONFIG.window())));
        }
        return rows(TrainingWindows.toWindows(raw, CONFIG.window(), NORMALISER));
    }

    private static boolean contains(List<float[]> rows, float[] row) {
        return rows.stream().anyMatch(r -> Arrays.equals(r, row));
    }

    @Test
    void everyNewWindowIsTrainedOnWithTheReplaySampleAndValidationComesFromOlderWindows() {
        // the last 3 days of the first series are new, nothing in the second
        Increment increment = new Increment(new int[] {197, 150}, 2.0);

        TrainingWindows windows = IncrementalWindows.build(SERIES, increment, CONFIG, NORMALISER);

        List<float[]> train = rows(windows.train());
        List<float[]> validation = rows(windows.validation());
        assertThat(train).hasSize(3 + 6);
        windows(0, 197, 200).forEach(row -> assertThat(contains(train, row)).isTrue());
        List<float[]> fresh = windows(0, 197, 200);
        assertThat(validation).hasSize(TrainingWindows.validationCount(9, CONFIG.validationFraction()))
                .isNotEmpty()
                .allSatisfy(row -> {
                    assertThat(contains(train, row)).isFalse();
                    assertThat(contains(fresh, row)).isFalse();
                });
        assertThat(windows.normaliser()).isEqualTo(NORMALISER);
    }

    @Test
    void theSameSeedGivesTheSameSample() {
        Increment increment = new Increment(new int[] {190, 140}, 3.0);

        TrainingWindows a = IncrementalWindows.build(SERIES, increment, CONFIG, NORMALISER);
        TrainingWindows b = IncrementalWindows.build(SERIES, increment, CONFIG, NORMALISER);

        assertThat(a.train().inputs()).isEqualTo(b.train().inputs());
        assertThat(a.validation().targets()).isEqualTo(b.validation().targets());
    }

    @Test
    void nothingNewIsNothingToLearnAndTheCapBoundsTheNewWindows() {
        assertThat(IncrementalWindows.build(SERIES, new Increment(new int[] {200, 150}, 1.0), CONFIG, NORMALISER)
                .nothingToLearn()).isTrue();

        TrainingWindows allNew = IncrementalWindows.build(SERIES, new Increment(new int[] {0, 0}, 1.0),
                CONFIG.withMaxTrainingWindows(50), NORMALISER);
        TrainingWindows mostlyNew = IncrementalWindows.build(SERIES, new Increment(new int[] {20, 20}, 1.0),
                CONFIG.withMaxTrainingWindows(50), NORMALISER);

        assertThat(allNew.train().count()).isEqualTo(50);
        // 25 of the 310 new windows and 20 replayed: all the 20 older windows there are
        assertThat(mostlyNew.train().count()).isEqualTo(25 + 20);
        assertThatThrownBy(() -> IncrementalWindows.build(SERIES, new Increment(new int[] {0}, 1.0), CONFIG,
                NORMALISER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fineTuneContinuesTheSavedNetworkOnlyWhenThereIsOne() throws IOException {
        LstmTrainingResult first = LstmTrainer.train(SERIES, CONFIG, TrainingMode.FULL, Optional.empty(),
                TrainingListener.NONE);
        Path zip = dir.resolve("lstm.zip");
        first.forecaster().save(zip);
        RecordingListener listener = new RecordingListener();

        LstmTrainingResult tuned = LstmTrainer.fineTune(SERIES, new Increment(new int[] {190, 140}, 1.0),
                CONFIG.withEpochs(2), zip, listener).orElseThrow();
        LstmTrainingResult unchanged = LstmTrainer.fineTune(SERIES, new Increment(new int[] {200, 150}, 1.0),
                CONFIG, zip, TrainingListener.NONE).orElseThrow();

        assertThat(tuned.fineTuned()).isTrue();
        assertThat(tuned.epochsRun()).isBetween(1, 2);
        assertThat(tuned.forecaster().normaliser()).isEqualTo(first.forecaster().normaliser());
        assertThat(tuned.forecaster().network().params().distance2(first.forecaster().network().params()))
                .isGreaterThan(0);
        assertThat(listener.messages).anyMatch(m -> m.contains("on 40 new and replayed windows"));
        assertThat(unchanged.epochsRun()).isZero();
        assertThat(unchanged.forecaster().network().params()).isEqualTo(first.forecaster().network().params());
        assertThat(LstmTrainer.fineTune(SERIES, new Increment(new int[] {190, 140}, 1.0), CONFIG,
                dir.resolve("missing.zip"), TrainingListener.NONE)).isEmpty();
    }
}
