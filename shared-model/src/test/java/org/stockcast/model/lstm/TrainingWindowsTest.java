package org.stockcast.model.lstm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingWindowsTest {
    private static final LstmConfig CONFIG = SyntheticSeries.tinyConfig(1);

    @Test
    void capKeepsTheMostRecentWindowsSharedFairlyBetweenSeries() {
        double[] longA = ramp(5_000, 1);
        double[] longB = ramp(5_000, 2);
        double[] shortC = ramp(60, 3);
        LstmConfig capped = CONFIG.withMaxTrainingWindows(1_050);

        TrainingWindows windows = TrainingWindows.build(List.of(longA, longB, shortC), capped, Optional.empty());

        // shortC has 50 windows and keeps them all; A and B share the remaining 1,000.
        assertThat(windows.train().count() + windows.validation().count()).isEqualTo(1_050);
        assertThat(TrainingWindows.fairShares(List.of(longA, longB, shortC), 10, 1_050)).containsExactly(500, 500, 50);
    }

    @Test
    void validationHoldsOutTheLastPartOfEachSeries() {
        double[] series = ramp(111, 1);

        TrainingWindows windows = TrainingWindows.build(List.of(series), CONFIG, Optional.empty());

        assertThat(windows.train().count()).isEqualTo(91);
        assertThat(windows.validation().count()).isEqualTo(10);
        // A ramp's next value relative to its window mean shrinks as the level grows, so the validation
        // targets (the latest windows) sit below every training target.
        float lastValidation = windows.validation().targets()[9];
        float firstTrain = windows.train().targets()[0];
        assertThat(lastValidation).isLessThan(firstTrain);
    }

    @Test
    void allZeroWindowsAreSkippedAndShortSeriesCounted() {
        double[] zerosThenSales = new double[40];
        for (int i = 25; i < 40; i++) {
            zerosThenSales[i] = 3;
        }

        TrainingWindows windows = TrainingWindows.build(List.of(zerosThenSales, new double[]{1, 2}), CONFIG,
                Optional.empty());

        assertThat(windows.zeroWindowsSkipped()).isEqualTo(16);
        assertThat(windows.train().count() + windows.validation().count()).isEqualTo(14);
        assertThat(windows.seriesSkipped()).isEqualTo(1);
    }

    @Test
    void windowsHoldingAMissingDayAreSkipped() {
        double[] values = ramp(40, 0.5);
        values[20] = Double.NaN;
        int window = CONFIG.window();

        TrainingWindows windows = TrainingWindows.build(List.of(values), CONFIG, Optional.empty());

        // the missing day is in window + 1 windows: as an input (window of them) or as the target
        assertThat(windows.missingWindowsSkipped()).isEqualTo(window + 1);
        assertThat(windows.train().count() + windows.validation().count()).isEqualTo(40 - window - (window + 1));
        for (float v : windows.train().inputs()) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void onlyZeroWindowsLeaveNothingToLearnInsteadOfFailing() {
        TrainingWindows windows = TrainingWindows.build(List.of(new double[60]), CONFIG, Optional.empty());

        assertThat(windows.nothingToLearn()).isTrue();
        assertThat(windows.validation().count()).isZero();
        assertThat(windows.zeroWindowsSkipped()).isEqualTo(60 - CONFIG.window());
        TrainingWindows tooShort = TrainingWindows.build(List.of(new double[3]), CONFIG, Optional.empty());
        assertThat(tooShort.nothingToLearn()).isTrue();
        assertThat(tooShort.seriesSkipped()).isEqualTo(1);
    }

    @Test
    void windowsAreScaleFree() {
        double[] small = SyntheticSeries.weekly(100, 5, 2, 0, 1);
        double[] large = new double[small.length];
        for (int i = 0; i < small.length; i++) {
            large[i] = small[i] * 1_000;
        }
        WindowNormaliser normaliser = new WindowNormaliser(1.0, 0.5, 20);

        TrainingWindows a = TrainingWindows.build(List.of(small), CONFIG, Optional.of(normaliser));
        TrainingWindows b = TrainingWindows.build(List.of(large), CONFIG, Optional.of(normaliser));

        assertThat(b.normaliser()).isSameAs(normaliser);
        for (int i = 0; i < a.train().inputs().length; i++) {
            assertThat(b.train().inputs()[i]).isCloseTo(a.train().inputs()[i], within(1e-4f));
        }
    }

    @Test
    void freshNormaliserCentresTheRatiosOfTheTrainingInputs() {
        TrainingWindows windows = TrainingWindows.build(List.of(SyntheticSeries.weekly(300, 50, 20, 0, 1)), CONFIG,
                Optional.empty());

        assertThat(windows.normaliser().centre()).isCloseTo(1.0, within(1e-9));
        assertThat(windows.normaliser().spread()).isBetween(0.2, 0.5);
        double mean = 0;
        for (float v : windows.train().inputs()) {
            mean += v;
        }
        assertThat(mean / windows.train().inputs().length).isCloseTo(0.0, within(1e-3));
    }

    @Test
    void negativeOrNonFiniteValuesAreRejectedWithTheirPosition() {
        assertThatThrownBy(() -> TrainingWindows.build(List.of(new double[20], new double[]{1, -2}), CONFIG,
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series 1 day 1 is -2.0");
    }

    private static double[] ramp(int days, double slope) {
        double[] values = new double[days];
        for (int i = 0; i < days; i++) {
            values[i] = 1 + slope * i;
        }
        return values;
    }
}
