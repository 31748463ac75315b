package org.stockcast.model.smoothing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stockcast.model.forecaster.PointForecast;
import org.stockcast.model.dataset.DailySeries;

class HoltWintersTest {
    private static final double[] WEEK = {10, 5, 0, -3, -5, -7, 0};

    /** Simulates ETS(A,Ad,A) from known states; returns values and (last element) nothing else. */
    private record Simulated(double[] values, double level, double trend, double[] nextSeasons) {
    }

    private static Simulated simulate(int n, SmoothingParameters p, double level, double trend, double sd,
                                      long seed) {
        Random random = new Random(seed);
        double[] s = WEEK.clone();
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double e = sd * random.nextGaussian();
            int slot = t % 7;
            y[t] = level + p.phi() * trend + s[slot] + e;
            level = level + p.phi() * trend + p.alpha() * e;
            trend = p.phi() * trend + p.beta() * e;
            s[slot] += p.gamma() * e;
        }
        double[] next = new double[7];
        for (int k = 0; k < 7; k++) {
            next[k] = s[(n + k) % 7];
        }
        return new Simulated(y, level, trend, next);
    }

    @Test
    void recoversConstantsAndStatesOfASimulatedSeries() {
        SmoothingParameters truth = new SmoothingParameters(0.3, 0.05, 0.15, 0.9);
        Simulated sim = simulate(2000, truth, 100, 0.5, 2.0, 7);
        FittedHoltWinters fit = HoltWinters.fit(sim.values(), 7);

        assertThat(fit.mode()).isEqualTo(SmoothingMode.SEASONAL_DAMPED);
        assertThat(fit.parameters().alpha()).isCloseTo(0.3, within(0.06));
        assertThat(fit.parameters().gamma()).isCloseTo(0.15, within(0.06));
        assertThat(fit.parameters().beta()).isLessThan(0.15);
        assertThat(fit.parameters().phi()).isBetween(0.8, 0.98);
        assertThat(fit.residualSigma()).isCloseTo(2.0, within(0.15));
        assertThat(fit.level()).isCloseTo(sim.level(), within(1.5));
        assertThat(fit.trend()).isCloseTo(sim.trend(), within(0.5));
        for (int k = 0; k < 7; k++) {
            assertThat(fit.nextSeasons()[k]).as("season %d", k).isCloseTo(sim.nextSeasons()[k], within(1.5));
        }
    }

    @Test
    void filterWithTheTrueStatesHasNoErrorAndForecastsTheClosedForm() {
        SmoothingParameters p = new SmoothingParameters(0.4, 0.1, 0.2, 0.9);
        double level0 = 50;
        double trend0 = 2;
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = closedForm(level0, trend0, 0.9, t + 1) + WEEK[t % 7];
        }
        HoltWintersFilter.Result r = HoltWintersFilter.run(y, p, level0, trend0, WEEK);
        assertThat(r.sse()).isLessThan(1e-18);
        double[] f = HoltWintersFilter.forecast(r.level(), r.trend(), 0.9, r.nextSeasons(), 30);
        for (int h = 0; h < 30; h++) {
            int t = y.length + h;
            assertThat(f[h]).isCloseTo(closedForm(level0, trend0, 0.9, t + 1) + WEEK[t % 7], within(1e-9));
        }
    }

    @Test
    void fittedForecastOfANoiselessDampedSeriesMatchesTheClosedForm() {
        double phi = 0.97;
        double[] y = new double[280];
        for (int t = 0; t < y.length; t++) {
            y[t] = closedForm(100, 3, phi, t + 1) + WEEK[t % 7];
        }
        double[] f = HoltWinters.fit(y, 7).forecast(91);
        for (int h = 0; h < 91; h++) {
            int t = y.length + h;
            double expected = closedForm(100, 3, phi, t + 1) + WEEK[t % 7];
            assertThat(f[h]).as("day %d", h + 1).isCloseTo(expected, within(0.005 * expected));
        }
    }

    /** level + (phi + ... + phi^t) trend: the noiseless damped-trend value at time t from the start state. */
    private static double closedForm(double level, double trend, double phi, int t) {
        return level + trend * phi * (1 - Math.pow(phi, t)) / (1 - phi);
    }

    @Test
    void aMissingDayMovesTheStatesOnWithTheirOneStepForecast() {
        SmoothingParameters p = new SmoothingParameters(0.3, 0.05, 0.15, 0.9);
        double[] y = simulate(100, p, 100, 0.5, 2.0, 3).values();
        HoltWintersFilter.Result before = HoltWintersFilter.run(Arrays.copyOf(y, 40), p, 100, 0.5, WEEK);
        double oneStep = HoltWintersFilter.forecast(before.level(), before.trend(), 0.9, before.nextSeasons(), 1)[0];
        double[] missing = y.clone();
        missing[40] = Double.NaN;
        double[] filled = y.clone();
        filled[40] = oneStep;
        HoltWintersFilter.Result a = HoltWintersFilter.run(missing, p, 100, 0.5, WEEK);
        HoltWintersFilter.Result b = HoltWintersFilter.run(filled, p, 100, 0.5, WEEK);
        assertThat(a.level()).isCloseTo(b.level(), within(1e-9));
        assertThat(a.sse()).isCloseTo(b.sse(), within(1e-9));
        assertThat(a.observed()).isEqualTo(99);
    }

    @Test
    void missingDaysAreSkippedWhenFitting() {
        SmoothingParameters truth = new SmoothingParameters(0.3, 0.05, 0.15, 0.9);
        double[] y = simulate(700, truth, 100, 0.5, 2.0, 11).values();
        double[] gappy = y.clone();
        double[] zeroed = y.clone();
        Random random = new Random(5);
        for (int i = 14; i < gappy.length; i++) {
            if (random.nextInt(10) == 0) {
                gappy[i] = Double.NaN;
                zeroed[i] = 0;
            }
        }
        double[] full = HoltWinters.fit(y, 7).forecast(14);
        double[] skipped = HoltWinters.fit(gappy, 7).forecast(14);
        double[] asZero = HoltWinters.fit(zeroed, 7).forecast(14);
        double skippedError = 0;
        double zeroError = 0;
        for (int h = 0; h < 14; h++) {
            assertThat(skipped[h]).isFinite();
            skippedError += Math.abs(skipped[h] - full[h]) / 14;
            zeroError += Math.abs(asZero[h] - full[h]) / 14;
        }
        assertThat(skippedError).isLessThan(3.0);
        assertThat(skippedError).isLessThan(zeroError / 3);
    }

    @Test
    void leadingMissingDaysAreDropped() {
        double[] y = simulate(200, new SmoothingParameters(0.3, 0.05, 0.15, 0.9), 100, 0.5, 2.0, 2).values();
        double[] padded = new double[210];
        Arrays.fill(padded, 0, 10, Double.NaN);
        System.arraycopy(y, 0, padded, 10, 200);
        assertThat(HoltWinters.fit(padded, 7).forecast(7)).containsExactly(HoltWinters.fit(y, 7).forecast(7));
    }

    @Test
    void shortHistoriesFallBackToAFlatLevel() {
        double[] y = {5, 7, 6, 8, 7, 9, 8, 10, 9, 11};
        FittedHoltWinters fit = HoltWinters.fit(y, 7);
        assertThat(fit.mode()).isEqualTo(SmoothingMode.LEVEL);
        double[] f = fit.forecast(5);
        for (double v : f) {
            assertThat(v).isCloseTo(f[0], within(1e-12));
        }
        assertThat(f[0]).isBetween(7.0, 11.0);
        assertThat(HoltWinters.fit(new double[] {Double.NaN, Double.NaN}, 7).forecast(3)).containsExactly(0, 0, 0);
        assertThat(HoltWinters.fit(new double[] {1, 2, 3, 4, 5, 6}, 1).mode()).isEqualTo(SmoothingMode.DAMPED_TREND);
    }

    @Test
    void withoutSeasonTheTrendIsDampedTowardsAFiniteLimit() {
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + 2 * t;
        }
        FittedHoltWinters fit = HoltWinters.fit(y, 1);
        assertThat(fit.mode()).isEqualTo(SmoothingMode.DAMPED_TREND);
        double phi = fit.parameters().phi();
        double[] f = fit.forecast(400);
        assertThat(f[0]).isCloseTo(128 + 2 * phi, within(0.05));
        // l + b phi / (1 - phi) is where a damped trend levels off
        assertThat(f[399]).isCloseTo(fit.level() + fit.trend() * phi / (1 - phi), within(0.01 * f[399]));
        for (int h = 1; h < f.length; h++) {
            assertThat(f[h]).isGreaterThan(f[h - 1]);
        }
    }

    @Test
    void forecasterRefitsOnTheHistory() {
        double[] y = simulate(400, new SmoothingParameters(0.3, 0.05, 0.15, 0.9), 100, 0.5, 2.0, 4).values();
        DailySeries history = new DailySeries(java.time.LocalDate.of(2024, 1, 1), y);
        PointForecast f = HoltWinters.forecaster(7).forecast(history, 10);
        assertThat(f.yhat()).containsExactly(HoltWinters.fit(y, 7).forecast(10));
    }
}
