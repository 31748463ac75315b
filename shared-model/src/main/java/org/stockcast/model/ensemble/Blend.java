package org.stockcast.model.ensemble;

import org.stockcast.model.additive.AdditiveForecast;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.stock.ErrorPaths;

/**
 * The ensemble maths, never below zero: the horizon-weighted blend of the members with calibrated bands, and the
 * legacy blend of versions saved before it (weighted mean of the two models, the additive interval carried over).
 */
final class Blend {
    private Blend() {
    }

    /**
     * forecast = (wA * additive + wL * lstm) / (wA + wL); the interval keeps the additive model's distances
     * below and above its own point forecast, shifted onto the blend (the LSTM has no interval of its own).
     * Sales cannot be negative, so every value is clamped at 0 (clamping keeps lower <= forecast <= upper).
     */
    static EnsembleForecast of(DailySeries history, AdditiveForecast additive, double[] lstm, EnsembleWeights weights,
                               int days) {
        if (additive.days() < days || lstm.length < days) {
            throw new IllegalArgumentException("components shorter than " + days + " days");
        }
        double total = weights.additive() + weights.lstm();
        if (!(total > 0) || weights.additive() < 0 || weights.lstm() < 0) {
            throw new IllegalArgumentException("weights must be >= 0 with a positive sum: " + weights);
        }
        double wA = weights.additive() / total;
        double wL = weights.lstm() / total;
        double[] forecast = new double[days];
        double[] lower = new double[days];
        double[] upper = new double[days];
        double[] additivePart = new double[days];
        double[] lstmPart = new double[days];
        for (int i = 0; i < days; i++) {
            double a = additive.yhat()[i];
            double blended = wA * a + wL * lstm[i];
            double below = Math.max(0, a - additive.lower()[i]);
            double above = Math.max(0, additive.upper()[i] - a);
            forecast[i] = nonNegative(blended);
            lower[i] = nonNegative(blended - below);
            upper[i] = nonNegative(blended + above);
            additivePart[i] = nonNegative(a);
            lstmPart[i] = nonNegative(lstm[i]);
        }
        return new EnsembleForecast(history.end().plusDays(1), forecast, lower, upper, additivePart, lstmPart,
                history);
    }

    /**
     * forecast[d] = sum of member forecasts weighted by the profile's weights of day d's horizon bucket; interval
     * = forecast + the bucket's band * {@code scale}, floored at 0; the error paths are the profile's (shared, not
     * copied), times scale.
     */
    static EnsembleForecast calibrated(DailySeries history, java.util.Map<Member, double[]> members,
                                       SeriesProfile profile, double scale, int days) {
        double[] forecast = new double[days];
        double[] lower = new double[days];
        double[] upper = new double[days];
        for (int d = 0; d < days; d++) {
            double sum = 0;
            double total = 0;
            for (java.util.Map.Entry<Member, double[]> member : members.entrySet()) {
                double w = profile.weights().weight(member.getKey(), d);
                if (w > 0) {
                    sum += w * member.getValue()[d];
                    total += w;
                }
            }
            double blended = total > 0 ? sum / total : members.get(Member.ADDITIVE)[d];
            Band band = profile.band(d);
            forecast[d] = nonNegative(blended);
            lower[d] = Math.min(forecast[d], nonNegative(blended + band.lower() * scale));
            upper[d] = Math.max(forecast[d], nonNegative(blended + band.upper() * scale));
        }
        return new EnsembleForecast(history.end().plusDays(1), forecast, lower, upper,
                clamp(members.get(Member.ADDITIVE), days), clamp(members.get(Member.LSTM), days),
                clamp(members.get(Member.SEASONAL_NAIVE), days), new ErrorPaths(profile.errorPaths(), scale),
                history);
    }

    /** A member's own forecast as served (>= 0); null for a member the caller did not compute. */
    private static double[] clamp(double[] values, int days) {
        if (values == null) {
            return null;
        }
        double[] out = new double[days];
        for (int d = 0; d < days; d++) {
            out[d] = nonNegative(values[d]);
        }
        return out;
    }

    /** Also turns NaN into an error rather than a silent 0: a model producing NaN is broken. */
    private static double nonNegative(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalStateException("model produced " + value);
        }
        return Math.max(0, value);
    }
}
