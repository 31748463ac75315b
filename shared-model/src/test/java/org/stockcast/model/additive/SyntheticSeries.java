package org.stockcast.model.additive;

import java.time.LocalDate;
import java.util.Random;

import org.stockcast.model.dataset.DailySeries;

/** Generated series with known trend, changepoints, seasonality and noise, for recovery tests and benchmarks. */
public record SyntheticSeries(DailySeries series, double[] trend, double[] weekly, double[] yearly, double noise) {

    public static final LocalDate START = LocalDate.of(2016, 1, 4);

    /**
     * level 100, slope 0.05/day, slope +0.10 after 40% and -0.12 after 70% of the history; weekly 10 sin,
     * yearly 20 cos; Gaussian noise sd {@code noise}.
     */
    public static SyntheticSeries generate(int days, double noise, long seed) {
        Random random = new Random(seed);
        double[] trend = new double[days];
        double[] weekly = new double[days];
        double[] yearly = new double[days];
        double[] y = new double[days];
        int change1 = (int) (days * 0.4);
        int change2 = (int) (days * 0.7);
        for (int i = 0; i < days; i++) {
            double slopeTerm = 0.05 * i + 0.10 * Math.max(0, i - change1) - 0.12 * Math.max(0, i - change2);
            trend[i] = 100 + slopeTerm;
            double epochDay = START.toEpochDay() + i;
            weekly[i] = 10 * Math.sin(2 * Math.PI * epochDay / 7.0);
            yearly[i] = 20 * Math.cos(2 * Math.PI * epochDay / 365.25);
            y[i] = trend[i] + weekly[i] + yearly[i] + noise * random.nextGaussian();
        }
        return new SyntheticSeries(new DailySeries(START, y), trend, weekly, yearly, noise);
    }
}
