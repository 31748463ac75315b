package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;

class AdditiveModelTest {

    @Test
    void recoversTrendSeasonalityAndNoiseFromGeneratedData() {
        SyntheticSeries truth = SyntheticSeries.generate(1500, 3.0, 7);
        FittedAdditiveModel model = AdditiveModel.fit(truth.series(), AdditiveConfig.defaults());
        AdditiveForecast fitted = model.fitted();

        assertThat(model.sigma()).isCloseTo(3.0, within(0.3));
        assertThat(model.initialRatePerDay()).isCloseTo(0.05, within(0.01));
        assertThat(rms(fitted.trend(), truth.trend())).isLessThan(1.5);
        assertThat(rms(fitted.weekly(), truth.weekly())).isLessThan(0.5);
        assertThat(rms(fitted.yearly(), truth.yearly())).isLessThan(1.5);
        double sumOfRateChanges = Arrays.stream(model.changepointRateChanges()).sum();
        assertThat(model.initialRatePerDay() + sumOfRateChanges).isCloseTo(0.05 + 0.10 - 0.12, within(0.02));
    }

    @Test
    void missingDaysAreSkippedNotFittedAsZero() {
        SyntheticSeries truth = SyntheticSeries.generate(800, 2.0, 11);
        double[] gappy = truth.series().values().clone();
        double[] zeros = gappy.clone();
        for (int i = 500; i < 560; i++) {
            gappy[i] = Double.NaN;
            zeros[i] = 0;
        }
        gappy[799] = Double.NaN; // a missing last day keeps the model's dates
        FittedAdditiveModel skipped = AdditiveModel.fit(new DailySeries(SyntheticSeries.START, gappy),
                AdditiveConfig.defaults());
        FittedAdditiveModel zeroed = AdditiveModel.fit(new DailySeries(SyntheticSeries.START, zeros),
                AdditiveConfig.defaults());

        AdditiveForecast fitted = skipped.fitted();
        assertThat(skipped.lastDate()).isEqualTo(truth.series().end());
        assertThat(rms(Arrays.copyOfRange(fitted.trend(), 500, 560), Arrays.copyOfRange(truth.trend(), 500, 560)))
                .isLessThan(3.0);
        assertThat(rms(Arrays.copyOfRange(zeroed.fitted().trend(), 500, 560),
                Arrays.copyOfRange(truth.trend(), 500, 560))).isGreaterThan(10.0);
        assertThat(skipped.sigma()).isCloseTo(2.0, within(0.4));
        assertThat(fitted.yhat()).doesNotContain(Double.NaN);
    }

    @Test
    void anAllMissingSeriesCannotBeFitted() {
        assertThatThrownBy(() -> AdditiveModel.fit(new DailySeries(SyntheticSeries.START,
                new double[] {Double.NaN, Double.NaN}), AdditiveConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }

    @Test
    void componentsAddUpToTheForecast() {
        SyntheticSeries truth = SyntheticSeries.generate(800, 2.0, 3);
        for (SeasonalityMode mode : SeasonalityMode.values()) {
            AdditiveForecast f = AdditiveModel.fit(truth.series(), AdditiveConfig.defaults().withMode(mode))
                    .predict(60);
            for (int i = 0; i < f.days(); i++) {
                double sum = f.trend()[i] + f.weekly()[i] + f.yearly()[i] + f.specialDays()[i];
                assertThat(f.yhat()[i]).as(mode + " day " + i).isCloseTo(sum, within(1e-9));
                assertThat(f.lower()[i]).isLessThan(f.yhat()[i]);
                assertThat(f.upper()[i]).isGreaterThan(f.yhat()[i]);
            }
        }
    }

    @Test
    void sameDataGivesTheSameModelAndForecast() {
        DailySeries series = SyntheticSeries.generate(400, 2.0, 11).series();
        AdditiveForecast a = AdditiveModel.fit(series, AdditiveConfig.defaults()).predict(30);
        AdditiveForecast b = AdditiveModel.fit(series, AdditiveConfig.defaults()).predict(30);
        assertThat(a.yhat()).containsExactly(b.yhat());
        assertThat(a.lower()).containsExactly(b.lower());
        assertThat(a.upper()).containsExactly(b.upper());
    }

    @Test
    void forecastStartsTheDayAfterTheHistory() {
        DailySeries series = SyntheticSeries.generate(100, 1.0, 5).series();
        FittedAdditiveModel model = AdditiveModel.fit(series, AdditiveConfig.defaults());
        assertThat(model.lastDate()).isEqualTo(series.end());
        assertThat(model.predict(7).start()).isEqualTo(series.end().plusDays(1));
        assertThat(model.predict(7).days()).isEqualTo(7);
    }

    @Test
    void degenerateSeriesGiveFiniteForecasts() {
        LocalDate start = LocalDate.of(2024, 1, 1);
        double[] sparse = new double[600];
        for (int i = 0; i < sparse.length; i += 20) {
            sparse[i] = 3;
        }
        double[][] cases = {new double[200], constant(200, 5.0), {7.0}, {2.0, 4.0}, sparse, constant(3, -2.0)};
        for (SeasonalityMode mode : SeasonalityMode.values()) {
            for (double[] values : cases) {
                AdditiveForecast f = AdditiveModel.fit(new DailySeries(start, values),
                        AdditiveConfig.defaults().withMode(mode)).predict(365);
                for (double[] column : new double[][] {f.yhat(), f.lower(), f.upper(), f.trend(), f.weekly()}) {
                    assertThat(Arrays.stream(column).allMatch(Double::isFinite))
                            .as(mode + ", " + values.length + " days").isTrue();
                }
            }
        }
    }

    @Test
    void allZeroSeriesIsForecastAsZero() {
        DailySeries series = new DailySeries(LocalDate.of(2024, 1, 1), new double[400]);
        AdditiveForecast f = AdditiveModel.fit(series, AdditiveConfig.defaults()).predict(30);
        for (int i = 0; i < f.days(); i++) {
            assertThat(f.yhat()[i]).isCloseTo(0, within(1e-12));
            assertThat(f.upper()[i] - f.lower()[i]).isLessThan(0.01);
        }
    }

    @Test
    void constantSeriesIsForecastAsThatConstant() {
        DailySeries series = new DailySeries(LocalDate.of(2024, 1, 1), constant(100, 5.0));
        AdditiveForecast f = AdditiveModel.fit(series, AdditiveConfig.defaults()).predict(10);
        for (double v : f.yhat()) {
            assertThat(v).isCloseTo(5.0, within(0.05));
        }
    }

    @Test
    void twentyThousandDayHistoryFitsAndForecastsTheTrend() {
        SyntheticSeries truth = SyntheticSeries.generate(20_000, 3.0, 13);
        // no interval samples: 20,000 fitted days x 1,000 paths would only slow the test down
        FittedAdditiveModel model = AdditiveModel.fit(truth.series(), AdditiveConfig.defaults().withInterval(0.8, 0));
        AdditiveForecast fitted = model.fitted();
        // the true kinks (days 8,000 and 14,000) fall between the 640-day changepoint grid: some bias, well
        // below the noise (sd 3)
        assertThat(rms(fitted.yhat(), sum(truth.trend(), truth.weekly(), truth.yearly()))).isLessThan(1.5);
        assertThat(model.changepointDates()).hasSize(25);
    }

    @Test
    void rejectsNonFiniteValuesAndInvalidConfig() {
        DailySeries bad = new DailySeries(LocalDate.of(2024, 1, 1), new double[] {1, Double.POSITIVE_INFINITY, 3});
        assertThatThrownBy(() -> AdditiveModel.fit(bad, AdditiveConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024-01-02");
        DailySeries good = new DailySeries(LocalDate.of(2024, 1, 1), new double[] {1, 2, 3});
        assertThatThrownBy(() -> AdditiveModel.fit(good, AdditiveConfig.defaults().withInterval(1.5, 100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AdditiveModel.fit(new DailySeries(LocalDate.of(2024, 1, 1), new double[0]),
                AdditiveConfig.defaults())).isInstanceOf(IllegalArgumentException.class);
    }

    static double[] sum(double[]... parts) {
        double[] total = new double[parts[0].length];
        for (double[] part : parts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    static double[] constant(int days, double value) {
        double[] values = new double[days];
        Arrays.fill(values, value);
        return values;
    }

    static double rms(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum / a.length);
    }
}
