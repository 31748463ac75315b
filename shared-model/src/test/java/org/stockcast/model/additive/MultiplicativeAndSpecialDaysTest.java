package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;

class MultiplicativeAndSpecialDaysTest {
    private static final LocalDate START = LocalDate.of(2020, 1, 6);

    @Test
    void multiplicativeModeRecoversARelativeWeeklyPattern() {
        // trend 50 -> 250, weekly effect +-30% of the trend, noise sd 1
        int n = 400;
        Random random = new Random(3);
        double[] y = new double[n];
        double[] relative = new double[n];
        for (int i = 0; i < n; i++) {
            double trend = 50 + 0.5 * i;
            relative[i] = 0.3 * Math.sin(2 * Math.PI * (START.toEpochDay() + i) / 7.0);
            y[i] = trend * (1 + relative[i]) + random.nextGaussian();
        }
        DailySeries series = new DailySeries(START, y);
        FittedAdditiveModel multiplicative = AdditiveModel.fit(series,
                AdditiveConfig.defaults().withMode(SeasonalityMode.MULTIPLICATIVE));
        AdditiveForecast fitted = multiplicative.fitted();
        for (int i = 0; i < n; i += 37) {
            assertThat(fitted.weekly()[i] / fitted.trend()[i]).as("day " + i).isCloseTo(relative[i], within(0.01));
        }
        assertThat(multiplicative.sigma()).isCloseTo(1.0, within(0.15));
        assertThat(multiplicative.initialRatePerDay()).isCloseTo(0.5, within(0.02));

        // the additive model cannot follow a growing amplitude: its noise estimate is far larger
        FittedAdditiveModel additive = AdditiveModel.fit(series, AdditiveConfig.defaults());
        assertThat(additive.sigma()).isGreaterThan(5 * multiplicative.sigma());
        // the forecast keeps growing the weekly swing with the trend
        AdditiveForecast future = multiplicative.predict(14);
        double swing = max(future.weekly()) - min(future.weekly());
        assertThat(swing).isCloseTo(2 * 0.3 * 0.975 * (50 + 0.5 * (n + 7)), within(15.0));
    }

    @Test
    void specialDaysAreLearnedAndForecast() {
        int n = 730;
        Random random = new Random(4);
        List<LocalDate> promoDates = new ArrayList<>();
        for (int i = 30; i < n + 60; i += 61) {
            promoDates.add(START.plusDays(i));
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 100 + 5 * Math.sin(2 * Math.PI * (START.toEpochDay() + i) / 7.0) + random.nextGaussian();
        }
        for (LocalDate d : promoDates) {
            int i = (int) (d.toEpochDay() - START.toEpochDay());
            if (i < n) {
                y[i] += 50;
            }
            if (i + 1 < n) {
                y[i + 1] += 20;
            }
        }
        SpecialDay promo = new SpecialDay("promo", promoDates, 0, 1);
        FittedAdditiveModel model = AdditiveModel.fit(new DailySeries(START, y),
                AdditiveConfig.defaults().withSpecialDays(List.of(promo)));
        AdditiveForecast fitted = model.fitted();
        int first = 30;
        assertThat(fitted.specialDays()[first]).isCloseTo(50, within(2.0));
        assertThat(fitted.specialDays()[first + 1]).isCloseTo(20, within(2.0));
        assertThat(fitted.specialDays()[first + 2]).isZero();

        LocalDate nextPromo = promoDates.stream().filter(d -> d.isAfter(model.lastDate())).findFirst().orElseThrow();
        AdditiveForecast future = model.predict(60);
        int index = (int) (nextPromo.toEpochDay() - future.start().toEpochDay());
        assertThat(future.specialDays()[index]).isCloseTo(50, within(2.0));
        assertThat(future.yhat()[index] - future.yhat()[index + 7]).isCloseTo(50, within(3.0));
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElseThrow();
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }
}
