package org.stockcast.model.lstm;

/**
 * Fills missing days (NaN) of an LSTM input: the network has no notion of "unknown", so each gap takes the value a
 * week earlier when that is known (keeps the weekly shape), else the last known value before it, else (a leading gap)
 * the first known value after it; an all-missing history becomes zeros.
 */
final class MissingDays {
    private static final int SEASON = 7;

    private MissingDays() {
    }

    /** {@code values} itself when nothing is missing, else a filled copy. */
    static double[] filled(double[] values) {
        int firstKnown = -1;
        boolean anyMissing = false;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                anyMissing = true;
            } else if (firstKnown < 0) {
                firstKnown = i;
            }
        }
        if (!anyMissing) {
            return values;
        }
        double[] out = values.clone();
        double last = firstKnown < 0 ? 0 : values[firstKnown];
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                last = out[i];
            } else if (i >= SEASON && !Double.isNaN(values[i - SEASON])) {
                out[i] = values[i - SEASON];
            } else {
                out[i] = last;
            }
        }
        return out;
    }
}
