package org.stockcast.model.lstm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Sliding windows (inputs: {@code window} standardised ratios, target: the next day's ratio) from every series.
 * The most recent windows of each series are used, up to a fair share of {@code maxTrainingWindows}; the last
 * {@code validationFraction} of each series' windows is held out for early stopping.
 */
record TrainingWindows(WindowNormaliser normaliser, Windows train, Windows validation, int seriesUsed,
                       int seriesSkipped, int zeroWindowsSkipped, int missingWindowsSkipped) {

    /** True when no window is left to train on (every one all zeros or holding a missing day). */
    boolean nothingToLearn() {
        return train.count() == 0;
    }

    /** {@code inputs} is row-major [count][window]. */
    record Windows(float[] inputs, float[] targets, int count, int window) {
    }

    /**
     * @param fixedNormaliser the saved normaliser of a fine-tuned model; empty fits a new one on these inputs
     */
    static TrainingWindows build(List<double[]> series, LstmConfig config, Optional<WindowNormaliser> fixedNormaliser) {
        int window = config.window();
        List<double[]> usable = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            double[] values = series.get(s);
            if (values == null) {
                throw new IllegalArgumentException("series " + s + " is null");
            }
            for (int i = 0; i < values.length; i++) {
                // NaN is a missing day: windows holding one are skipped below
                if (Double.isInfinite(values[i]) || values[i] < 0) {
                    throw new IllegalArgumentException("series " + s + " day " + i + " is " + values[i]
                            + "; LSTM inputs must be finite and >= 0 (or NaN when missing)");
                }
            }
            if (values.length >= window + 1) {
                usable.add(values);
            }
        }
        if (usable.isEmpty()) {
            // e.g. only new products: nothing to learn yet, which must not fail a retrain (the caller says why)
            WindowNormaliser normaliser = fixedNormaliser.orElseGet(() -> WindowNormaliser.fit(1.0, 1.0, window));
            Windows none = toWindows(List.of(), window, normaliser);
            return new TrainingWindows(normaliser, none, none, 0, series.size(), 0, 0);
        }
        int[] take = fairShares(usable, window, config.maxTrainingWindows());

        List<double[]> trainRows = new ArrayList<>();
        List<double[]> valRows = new ArrayList<>();
        int zeroWindows = 0;
        int missingWindows = 0;
        for (int s = 0; s < usable.size(); s++) {
            double[] values = usable.get(s);
            int available = values.length - window;
            int first = available - take[s];
            int validationCount = validationCount(take[s], config.validationFraction());
            for (int w = first; w < available; w++) {
                double scale = WindowNormaliser.scale(values, w, window);
                if (Double.isNaN(scale) || Double.isNaN(values[w + window])) {
                    missingWindows++;
                    continue;
                }
                if (scale <= 0) {
                    zeroWindows++;
                    continue;
                }
                (w >= available - validationCount ? valRows : trainRows).add(row(values, w, window, scale));
            }
        }
        // Nothing to learn (e.g. products before their launch): the caller keeps its network; a neutral normaliser
        // stands in for one that cannot be fitted on no ratios.
        WindowNormaliser normaliser = fixedNormaliser.orElseGet(() -> trainRows.isEmpty()
                ? WindowNormaliser.fit(1.0, 1.0, window) : fitNormaliser(trainRows, window));
        if (trainRows.isEmpty()) {
            valRows.clear();
        }
        return new TrainingWindows(normaliser, toWindows(trainRows, window, normaliser),
                toWindows(valRows, window, normaliser), usable.size(), series.size() - usable.size(), zeroWindows,
                missingWindows);
    }

    /** The window starting at {@code w}: its inputs, its target and its scale. */
    static double[] row(double[] values, int w, int window, double scale) {
        double[] row = new double[window + 2];
        System.arraycopy(values, w, row, 0, window + 1);
        row[window + 1] = scale;
        return row;
    }

    static int validationCount(int windows, double fraction) {
        if (fraction <= 0 || windows < 2) {
            return 0;
        }
        return (int) Math.min(windows - 1, Math.max(1, Math.round(windows * fraction)));
    }

    /** Splits the cap fairly: short series take all their windows, the rest share what is left equally. */
    static int[] fairShares(List<double[]> usable, int window, int cap) {
        Integer[] order = new Integer[usable.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> usable.get(i).length));
        int[] take = new int[usable.size()];
        int remaining = cap;
        for (int k = 0; k < order.length; k++) {
            int s = order[k];
            int available = usable.get(s).length - window;
            int share = Math.max(1, remaining / (order.length - k));
            take[s] = Math.min(available, share);
            remaining = Math.max(0, remaining - take[s]);
        }
        return take;
    }

    private static WindowNormaliser fitNormaliser(List<double[]> rows, int window) {
        double maxRatio = 2.0 * window;
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (double[] row : rows) {
            double scale = row[window + 1];
            for (int t = 0; t < window; t++) {
                double r = Math.min(row[t] / scale, maxRatio);
                sum += r;
                sumSq += r * r;
                n++;
            }
        }
        double mean = sum / n;
        double variance = Math.max(0, sumSq / n - mean * mean);
        return WindowNormaliser.fit(mean, Math.sqrt(variance), window);
    }

    static Windows toWindows(List<double[]> rows, int window, WindowNormaliser normaliser) {
        float[] inputs = new float[rows.size() * window];
        float[] targets = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            double scale = row[window + 1];
            for (int t = 0; t < window; t++) {
                inputs[i * window + t] = (float) normaliser.standardise(normaliser.ratio(row[t], scale));
            }
            targets[i] = (float) normaliser.standardise(normaliser.ratio(row[window], scale));
        }
        return new Windows(inputs, targets, rows.size(), window);
    }
}
