package org.stockcast.model.ensemble;

import java.util.Arrays;
import java.util.List;

/**
 * The quantile level at which a bucket's band covers the nominal share of errors of an origin it did not learn
 * from (leave one origin out). An origin's errors are correlated (a level error lasts the whole path), so a band
 * at the nominal level of the pooled errors covers less of a fresh origin's than it claims, the more so the fewer
 * origins there are; this finds the level that makes up for it from the backtest itself.
 */
final class OriginLevel {
    /** Levels tried, from the nominal one up to 1 (the extreme errors). */
    static final double STEP = 0.01;

    private OriginLevel() {
    }

    /**
     * The smallest level >= {@code width} (in steps of {@value #STEP}) whose leave-one-origin-out coverage, over all
     * held-out points, reaches {@code width}; 1 when none does; {@code width} with fewer than two origins.
     */
    static double of(List<double[]> byOrigin, double width) {
        List<double[]> origins = byOrigin.stream().filter(e -> e.length > 0).toList();
        if (origins.size() < 2) {
            return width;
        }
        int levels = (int) Math.round((1 - width) / STEP) + 1;
        long[] covered = new long[levels];
        long points = 0;
        double[] all = origins.stream().flatMapToDouble(Arrays::stream).toArray();
        for (int i = 0; i < origins.size(); i++) {
            double[] rest = without(all, origins, i);
            Arrays.sort(rest);
            for (int l = 0; l < levels; l++) {
                Band band = ProfileLearner.bandOfSorted(rest, level(width, l));
                for (double e : origins.get(i)) {
                    covered[l] += e >= band.lower() && e <= band.upper() ? 1 : 0;
                }
            }
            points += origins.get(i).length;
        }
        for (int l = 0; l < levels; l++) {
            if (covered[l] >= width * points) {
                return level(width, l);
            }
        }
        return 1;
    }

    private static double level(double width, int step) {
        return Math.min(1, width + step * STEP);
    }

    /** Every error but those of origin {@code skip}. */
    private static double[] without(double[] all, List<double[]> origins, int skip) {
        double[] out = new double[all.length - origins.get(skip).length];
        int at = 0;
        for (int i = 0; i < origins.size(); i++) {
            if (i != skip) {
                System.arraycopy(origins.get(i), 0, out, at, origins.get(i).length);
                at += origins.get(i).length;
            }
        }
        return out;
    }
}
