package org.stockcast.model.lstm;

/**
 * Scale-free window normalisation shared by training and forecasting.
 *
 * <p>Each window is divided by its own mean, so one network serves a single product and the total alike; the
 * ratios are then standardised with {@code centre} and {@code spread}. Those two constants are computed once,
 * on the first (fresh) training, saved in the model zip and reused by every fine-tune, so the saved weights
 * always mean the same thing (the old system refit a MinMax scaler each retrain and silently broke that).
 * Ratios are clipped to {@code [0, maxRatio]}: a spike of more than {@code maxRatio} times the window mean
 * would otherwise dominate the squared loss and could blow up autoregressive forecasts.
 *
 * <p>An all-zero window has no scale: training skips it and the forecast after it is 0.
 */
record WindowNormaliser(double centre, double spread, double maxRatio) {

    WindowNormaliser {
        if (!(spread > 0) || !Double.isFinite(centre) || !(maxRatio > 0)) {
            throw new IllegalArgumentException("invalid normaliser " + centre + "/" + spread + "/" + maxRatio);
        }
    }

    /** Constants fitted on the given ratio statistics of the training inputs. */
    static WindowNormaliser fit(double ratioMean, double ratioStd, int window) {
        double spread = ratioStd > 1e-6 ? ratioStd : 1.0;
        return new WindowNormaliser(ratioMean, spread, 2.0 * window);
    }

    /** Mean of {@code values[from, from + length)}; 0 means "no scale". */
    static double scale(double[] values, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += values[i];
        }
        return sum / length;
    }

    double ratio(double value, double scale) {
        return Math.min(value / scale, maxRatio);
    }

    double standardise(double ratio) {
        return (ratio - centre) / spread;
    }

    /** Network output back to a demand value for a window of the given scale, clamped to the trained range. */
    double toValue(double networkOutput, double scale) {
        double ratio = networkOutput * spread + centre;
        if (!(ratio > 0)) {
            return 0;
        }
        return Math.min(ratio, maxRatio) * scale;
    }
}
