package org.stockcast.model.intermittent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.forecaster.PointForecast;

/**
 * Fits Croston, SBA and TSB to daily demand. Missing days (NaN) are dropped first: an unobserved day is neither a
 * demand nor a zero, so intervals count observed days only. All three start at the first demand: size = that
 * demand, interval = its 1-based position (as if a demand happened just before the series; TSB probability = 1 /
 * that), and are updated from the next day on. The constants are chosen on a small grid by the in-sample mean
 * squared one-step error (ties keep the smaller constants): 0.05-0.3 for Croston and SBA (the range Croston and
 * Syntetos-Boylan recommend), 0.01-0.3 for TSB's probability (it is updated every day, so it needs smaller values).
 */
public final class Intermittent {
    static final double[] CROSTON_GRID = {0.05, 0.1, 0.2, 0.3};
    static final double[] TSB_PROBABILITY_GRID = {0.01, 0.02, 0.05, 0.1, 0.2, 0.3};
    /** The outcome sampler draws sizes from at most this many latest demands, so old sizes age out. */
    static final int RECENT_SIZES = 100;

    private Intermittent() {
    }

    /** Fits {@code method} with grid-chosen constants. */
    public static FittedIntermittent fit(double[] values, IntermittentMethod method) {
        double[] y = observed(values);
        double[] timingGrid = method == IntermittentMethod.TSB ? TSB_PROBABILITY_GRID : CROSTON_GRID;
        FittedIntermittent best = null;
        for (double size : CROSTON_GRID) {
            for (double timing : timingGrid) {
                FittedIntermittent candidate = fitObserved(y, method, new SmoothingConstants(size, timing));
                if (best == null || candidate.inSampleMse() < best.inSampleMse()) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Fits {@code method} with the given constants. */
    public static FittedIntermittent fit(double[] values, IntermittentMethod method, SmoothingConstants constants) {
        return fitObserved(observed(values), method, constants);
    }

    /** The backtest's view: refit (grid included) on each history, forecast the flat rate. */
    public static Forecaster forecaster(IntermittentMethod method) {
        return (history, horizon) -> PointForecast.of(fit(history.values(), method).forecast(horizon));
    }

    private static FittedIntermittent fitObserved(double[] y, IntermittentMethod method, SmoothingConstants c) {
        int first = 0;
        while (first < y.length && y[first] == 0) {
            first++;
        }
        if (first == y.length) {
            return new FittedIntermittent(method, c, 0, 0, new double[0], Double.NaN);
        }
        return method == IntermittentMethod.TSB ? tsb(y, first, c) : croston(y, first, method, c);
    }

    private static FittedIntermittent croston(double[] y, int first, IntermittentMethod method,
                                              SmoothingConstants c) {
        double correction = method == IntermittentMethod.SBA ? 1 - c.timing() / 2 : 1;
        double size = y[first];
        double interval = first + 1;
        int last = first;
        double sse = 0;
        for (int t = first + 1; t < y.length; t++) {
            double e = y[t] - correction * size / interval;
            sse += e * e;
            if (y[t] != 0) {
                size += c.size() * (y[t] - size);
                interval += c.timing() * ((t - last) - interval);
                last = t;
            }
        }
        return new FittedIntermittent(method, c, size, correction / interval, recentSizes(y, first),
                mse(sse, y.length - first - 1));
    }

    private static FittedIntermittent tsb(double[] y, int first, SmoothingConstants c) {
        double size = y[first];
        double probability = 1.0 / (first + 1);
        double sse = 0;
        for (int t = first + 1; t < y.length; t++) {
            double e = y[t] - probability * size;
            sse += e * e;
            if (y[t] != 0) {
                probability += c.timing() * (1 - probability);
                size += c.size() * (y[t] - size);
            } else {
                probability -= c.timing() * probability;
            }
        }
        return new FittedIntermittent(IntermittentMethod.TSB, c, size, probability, recentSizes(y, first),
                mse(sse, y.length - first - 1));
    }

    private static double mse(double sse, int count) {
        return count == 0 ? Double.NaN : sse / count;
    }

    private static double[] recentSizes(double[] y, int first) {
        List<Double> sizes = new ArrayList<>();
        for (int t = y.length - 1; t >= first && sizes.size() < RECENT_SIZES; t--) {
            if (y[t] != 0) {
                sizes.add(y[t]);
            }
        }
        double[] out = new double[sizes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sizes.get(out.length - 1 - i);
        }
        return out;
    }

    private static double[] observed(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }
}
