package org.stockcast.model.additive;

/** Prophet's Fourier features: columns sin(2 pi i t / P), cos(2 pi i t / P) for i = 1..order, t in epoch days. */
final class Fourier {
    private Fourier() {
    }

    /** Writes the 2*order features of day {@code epochDay} into {@code row} starting at {@code offset}. */
    static void features(double epochDay, double period, int order, double[] row, int offset) {
        double x = 2.0 * Math.PI * epochDay / period;
        double sin1 = Math.sin(x);
        double cos1 = Math.cos(x);
        double sin = sin1;
        double cos = cos1;
        for (int i = 0; i < order; i++) {
            row[offset + 2 * i] = sin;
            row[offset + 2 * i + 1] = cos;
            // angle addition instead of 2*order trig calls: error stays ~1e-15 for the orders used here
            double nextSin = sin * cos1 + cos * sin1;
            cos = cos * cos1 - sin * sin1;
            sin = nextSin;
        }
    }

    static double[] features(double epochDay, double period, int order) {
        double[] row = new double[2 * order];
        features(epochDay, period, order, row, 0);
        return row;
    }
}
