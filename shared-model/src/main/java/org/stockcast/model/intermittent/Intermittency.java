package org.stockcast.model.intermittent;

/**
 * How intermittent a daily series is. {@code adi} = observed days / days with demand (infinite without demand),
 * {@code cv2} = population variance / mean^2 of the non-zero sizes (0 with fewer than two),
 * {@code zeroShare} = share of observed days with zero demand. Missing days (NaN) are left out of all three, and so
 * are closed weekdays: a weekday (day index mod 7) of at least {@value #MIN_WEEKS} observed weeks with no demand on
 * at least {@value #CLOSED_SHARE} of them, while another weekday sells. A shop shut on Sundays, or a market closed
 * at weekends, has zeros it can plan on: its demand on the days it is open decides its class, not the calendar
 * (found on the S&P 500's daily volume, whose weekends read as intermittent and drew the weights to SBA's flat rate:
 * BENCHMARKS.md, issue 15, session 22).
 */
public record Intermittency(double adi, double cv2, double zeroShare, DemandPattern pattern) {
    static final double ADI_CUT = 1.32;
    static final double CV2_CUT = 0.49;
    /** A weekday with no demand on this share of its observed days is closed (when another weekday is not). */
    static final double CLOSED_SHARE = 0.9;
    /** Observed days a weekday needs before it can be called closed. */
    static final int MIN_WEEKS = 8;

    public static Intermittency of(double[] values) {
        boolean[] closed = closedWeekdays(values);
        int observed = 0;
        int demands = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v) || closed[i % 7]) {
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

    /** Per weekday position (index mod 7): closed, as the class doc says; none when every weekday would be. */
    static boolean[] closedWeekdays(double[] values) {
        int[] observed = new int[7];
        int[] zeros = new int[7];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                observed[i % 7]++;
                zeros[i % 7] += values[i] == 0 ? 1 : 0;
            }
        }
        boolean[] closed = new boolean[7];
        boolean open = false;
        for (int d = 0; d < 7; d++) {
            closed[d] = observed[d] >= MIN_WEEKS && zeros[d] >= CLOSED_SHARE * observed[d];
            open |= observed[d] > 0 && !closed[d];
        }
        return open ? closed : new boolean[7];
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
