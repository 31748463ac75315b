package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.forecaster.Forecaster;

class BandUnitTest {
    /** Level 50 +- 30 over the week, noise proportional to the level (sd 15% of it): big days err more. */
    private static DailySeries multiplicative(int days, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int i = 0; i < days; i++) {
            double level = 50 + 30 * Math.sin(2 * Math.PI * i / 7);
            values[i] = Math.max(0, level * (1 + 0.15 * random.nextGaussian()));
        }
        return new DailySeries(LocalDate.of(2022, 1, 3), values);
    }

    private static boolean highDay(int day) {
        return Math.sin(2 * Math.PI * day / 7) > 0.5;
    }

    /**
     * Calibrate on the first 500 days of each series, serve from later origins: the share of the next 28 days'
     * actuals inside the 80% band, on the week's high days and on the rest.
     */
    private static double[] coverage(double levelPower) {
        int[] covered = new int[2];
        int[] points = new int[2];
        for (int s = 0; s < 6; s++) {
            DailySeries series = multiplicative(640, 40 + s);
            Map<Member, Forecaster> members = new EnumMap<>(HorizonEnsembleTest.members(HorizonEnsembleTest.noise(s)));
            members.remove(Member.LSTM);
            SeriesBacktest backtest = EnsembleBacktest.run(SeriesKey.TOTAL, series.head(500), BacktestPlan.defaults(),
                    members, 0);
            EnsembleCalibration calibration = EnsembleCalibration.learn(List.of(backtest), 0.8, Optional.empty(),
                    EnsembleCalibration.DEFAULT_METHOD, EnsembleCalibration.WeightSource.SERIES,
                    new EnsembleCalibration.BandRule(EnsembleCalibration.BandSource.SERIES,
                            EnsembleCalibration.DEFAULT_BAND_ERRORS, 0, 0, EnsembleCalibration.BandLevel.NOMINAL,
                            levelPower)).orElseThrow();
            SeriesProfile profile = calibration.series().get(SeriesKey.TOTAL);
            for (int origin = 500; origin + 28 <= 640; origin += 28) {
                DailySeries history = series.head(origin);
                Map<Member, double[]> forecasts = new EnumMap<>(Member.class);
                forecasts.put(Member.ADDITIVE, AdditiveModel.forecaster(TestVersions.fastAdditive().withInterval(0.8, 0))
                        .forecast(history, 28).yhat());
                forecasts.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(history.values(), 28, 7));
                EnsembleForecast f = Blend.calibrated(history, forecasts, profile,
                        calibration.bandScale(history.values()), calibration.bandUnit(history.values()), 28);
                for (int d = 0; d < 28; d++) {
                    double actual = series.values()[origin + d];
                    int group = highDay(origin + d) ? 0 : 1;
                    points[group]++;
                    if (actual >= f.lower()[d] && actual <= f.upper()[d]) {
                        covered[group]++;
                    }
                }
            }
        }
        return new double[] {covered[0] / (double) points[0], covered[1] / (double) points[1]};
    }

    @Test
    void levelProportionalBandsCoverTheBigDaysAsWellAsTheSmallOnes() {
        double[] level = coverage(1);
        assertThat(level[0]).as("high days, level bands").isCloseTo(0.80, within(0.05));
        assertThat(level[1]).as("other days, level bands").isCloseTo(0.80, within(0.05));
        double[] flat = coverage(0);
        // one unit for every day: the big days' larger errors escape the band, the small days' are over-covered
        assertThat(flat[0]).as("high days, one unit").isLessThan(0.70);
        assertThat(flat[1]).as("other days, one unit").isGreaterThan(0.83);
    }

    @Test
    void theFactorFollowsTheForecastOverTheMeanLevelAndIsFlooredNearZero() {
        assertThat(BandUnit.factor(80, 40, 1)).isCloseTo(2, within(1e-12));
        assertThat(BandUnit.factor(80, 40, 0.5)).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(BandUnit.factor(0, 40, 1)).isCloseTo(BandUnit.LEVEL_FLOOR, within(1e-12));
        assertThat(BandUnit.factor(80, 40, 0)).isEqualTo(1);
        assertThat(BandUnit.factor(80, 0, 1)).isEqualTo(1);
        double[] history = {10, 20, 30, 40, 50, 60, 70, 10, 20, 30, 40, 50, 60, 70};
        double scale = BandScale.of(history, history.length, 0);
        assertThat(BandUnit.SCALE_ONLY.of(history, history.length).applyAsDouble(500)).isEqualTo(scale);
        assertThat(new BandUnit(0, 1).of(history, history.length).applyAsDouble(80)).isCloseTo(scale * 2,
                within(1e-12));
    }
}
