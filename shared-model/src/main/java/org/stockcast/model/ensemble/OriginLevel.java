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
        Arrays.sort(all);
        for (double[] held : origins) {
            // The rest's order statistics are read off the sorted whole (LeaveOut), not re-sorted per origin:
            // this runs for every bucket and kind of a retrain, over up to tens of thousands of errors.
            LeaveOut rest = new LeaveOut(all, held);
            for (int l = 0; l < levels; l++) {
                Band band = rest.band(level(width, l));
                for (double e : held) {
                    covered[l] += e >= band.lower() && e <= band.upper() ? 1 : 0;
                }
            }
            points += held.length;
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

    /**
     * The sorted errors of every origin but one, without building them: its k-th smallest is the smallest of
     * the sorted whole at which the whole's count of values at or below it, minus the held-out origin's, reaches k.
     * Gives exactly what {@link ProfileLearner#bandOfSorted} gives on the rest sorted.
     */
    static final class LeaveOut {
        private final double[] all;
        private final double[] held;

        LeaveOut(double[] sortedAll, double[] heldErrors) {
            this.all = sortedAll;
            this.held = heldErrors.clone();
            Arrays.sort(this.held);
        }

        int size() {
            return all.length - held.length;
        }

        /** The k-th smallest (1-based) of the rest. */
        double kth(int k) {
            int lo = 0;
            int hi = all.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (atOrBelow(all, all[mid]) - atOrBelow(held, all[mid]) >= k) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return all[lo];
        }

        Band band(double width) {
            int n = size();
            double alpha = 1 - width;
            int lowerRank = Math.min(n, Math.max(1, (int) Math.floor((n + 1) * (alpha / 2))));
            int upperRank = Math.min(n, Math.max(1, (int) Math.ceil((n + 1) * (1 - alpha / 2))));
            return new Band(Math.min(0, kth(lowerRank)), Math.max(0, kth(upperRank)));
        }

        /** How many of the sorted values are <= x. */
        private static int atOrBelow(double[] sorted, double x) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }
}
