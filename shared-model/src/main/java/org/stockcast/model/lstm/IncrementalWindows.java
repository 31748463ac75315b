package org.stockcast.model.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The windows of an incremental fine-tune ({@link Increment}): every window whose target day is new, a seeded sample
 * of {@code replayRatio} older windows per new one, and for early stopping a further sample of older windows (the
 * validation fraction of the training windows), disjoint from the replay: the loss on history the network already
 * knew stops the fine-tune before the new days pull it away from that. At most {@code maxTrainingWindows} are
 * trained on: with more new windows than {@code maxTrainingWindows / (1 + replayRatio)}, a uniform sample of them
 * (over all their days, not only the newest) with the replay beside it. Same inputs and seed, same windows.
 */
final class IncrementalWindows {
    private IncrementalWindows() {
    }

    static TrainingWindows build(List<double[]> series, Increment increment, LstmConfig config,
                                 WindowNormaliser normaliser) {
        int[] firstNew = increment.firstNewDay();
        if (firstNew.length != series.size()) {
            throw new IllegalArgumentException("the increment has " + firstNew.length + " series, the training "
                    + series.size());
        }
        int window = config.window();
        List<double[]> fresh = new ArrayList<>();
        LongList old = new LongList();
        int used = 0;
        int zero = 0;
        int missing = 0;
        for (int s = 0; s < series.size(); s++) {
            double[] values = series.get(s);
            if (values.length < window + 1) {
                continue;
            }
            used++;
            for (int w = 0; w + window < values.length; w++) {
                double scale = WindowNormaliser.scale(values, w, window);
                if (Double.isNaN(scale) || Double.isNaN(values[w + window])) {
                    missing++;
                } else if (scale <= 0) {
                    zero++;
                } else if (w + window >= firstNew[s]) {
                    fresh.add(TrainingWindows.row(values, w, window, scale));
                } else {
                    old.add(((long) s << 32) | w);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        int cap = config.maxTrainingWindows();
        // room for the replay beside the new windows when there are more of them than the cap takes
        int newCap = (int) Math.max(1, Math.min(cap, Math.round(cap / (1 + increment.replayRatio()))));
        List<double[]> train = sample(fresh, Math.min(fresh.size(), old.size() > 0 ? newCap : cap), random);
        int replay = (int) Math.min(Math.min(old.size(), Math.round(increment.replayRatio() * train.size())),
                cap - train.size());
        int validation = Math.min(old.size() - replay,
                TrainingWindows.validationCount(train.size() + replay, config.validationFraction()));
        old.shuffleFirst(replay + validation, random);
        List<double[]> validationRows = new ArrayList<>();
        for (int i = 0; i < replay + validation; i++) {
            long packed = old.get(i);
            double[] values = series.get((int) (packed >>> 32));
            int w = (int) packed;
            double[] row = TrainingWindows.row(values, w, window, WindowNormaliser.scale(values, w, window));
            (i < replay ? train : validationRows).add(row);
        }
        if (train.isEmpty()) {
            validationRows.clear();
        }
        return new TrainingWindows(normaliser, TrainingWindows.toWindows(train, window, normaliser),
                TrainingWindows.toWindows(validationRows, window, normaliser), used, series.size() - used, zero,
                missing);
    }

    /** {@code count} of the rows, a seeded sample (all of them, in order, when count covers them). */
    private static List<double[]> sample(List<double[]> rows, int count, SplittableRandom random) {
        if (count >= rows.size()) {
            return new ArrayList<>(rows);
        }
        List<double[]> copy = new ArrayList<>(rows);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(copy.size() - i);
            double[] swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return new ArrayList<>(copy.subList(0, count));
    }

    /** A growable long array: a million old windows as (series, offset) pairs without boxing. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long get(int i) {
            return values[i];
        }

        /** Partial Fisher-Yates: the first {@code count} entries become a uniform sample without replacement. */
        void shuffleFirst(int count, SplittableRandom random) {
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(size - i);
                long swap = values[i];
                values[i] = values[j];
                values[j] = swap;
            }
        }
    }
}
