package org.stockcast.model.lstm;

/** The {@link Rollout#DAMPED} maths: pure functions of a path and its history. */
final class DriftDamping {
    /** Four weeks: the level a 10-day window can vouch for fades over about a month. */
    static final double DECAY_DAYS = 28;
    static final int LEVEL_DAYS = 28;
    private static final int WEEK = 7;

    private DriftDamping() {
    }

    /**
     * {@code path[d] - (1 - exp(-d / decayDays)) * (weekMean[d] - level)}, floored at 0, where weekMean[d] is the
     * path's mean over days max(0, d - 6)..d: the trailing week's level moves to {@code level}, the day-of-week
     * shape around it stays.
     */
    static double[] damp(double[] path, double level, double decayDays) {
        double[] out = new double[path.length];
        double weekSum = 0;
        for (int d = 0; d < path.length; d++) {
            weekSum += path[d];
            if (d >= WEEK) {
                weekSum -= path[d - WEEK];
            }
            double weekMean = weekSum / Math.min(d + 1, WEEK);
            double pull = 1 - Math.exp(-d / decayDays);
            out[d] = Math.max(0, path[d] - pull * (weekMean - level));
        }
        return out;
    }

    /** Mean of the last {@code days} observed (non-NaN) values; 0 without any. */
    static double level(double[] history, int days) {
        double sum = 0;
        int count = 0;
        for (int i = history.length - 1; i >= 0 && count < days; i--) {
            if (!Double.isNaN(history[i])) {
                sum += history[i];
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
