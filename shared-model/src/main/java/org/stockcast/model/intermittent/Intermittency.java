package org.stockcast.model.intermittent;

/**
 * How intermittent a daily series is. {@code adi} = observed days / days with demand (infinite without demand),
 * {@code cv2} = population variance / mean^2 of the non-zero sizes (0 with fewer than two),
 * {@code zeroShare} = share of observed days with zero demand. Missing days (NaN) are left out of all three.
 */
public record Intermittency(double adi, double cv2, double zeroShare, DemandPattern pattern) {
    static final double ADI_CUT = 1.32;
    static final double CV2_CUT = 0.49;

    public static Intermittency of(double[] values) {
        int observed = 0;
        int demands = 0;
        double sum = 0;
        double squares = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            observed++;
            if (v != 0) {
                demands++;
                sum += v;
                squares += v * v;
            }
        }
        if (demands == 0) {
            return new Intermittency(Double.POSITIVE_INFINITY, 0, observed == 0 ? Double.NaN : 1,
                    DemandPattern.NO_DEMAND);
        }
        double mean = sum / demands;
        double cv2 = demands < 2 ? 0 : Math.max(0, squares / demands - mean * mean) / (mean * mean);
        double adi = (double) observed / demands;
        return new Intermittency(adi, cv2, 1 - (double) demands / observed, classify(adi, cv2));
    }

    static DemandPattern classify(double adi, double cv2) {
        boolean sparse = adi > ADI_CUT;
        boolean variable = cv2 > CV2_CUT;
        if (sparse) {
            return variable ? DemandPattern.LUMPY : DemandPattern.INTERMITTENT;
        }
        return variable ? DemandPattern.ERRATIC : DemandPattern.SMOOTH;
    }
}
