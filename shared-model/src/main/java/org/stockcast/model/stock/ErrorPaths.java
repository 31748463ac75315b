package org.stockcast.model.stock;

import java.util.Arrays;
import java.util.List;

/**
 * Out-of-sample error paths in units of one series (actual - forecast per day after a backtest origin, NaN where
 * unknown): a series kind's paths times this series' scale. The arrays are shared by every series of the kind and
 * never written, so a cached forecast holds a reference and a factor rather than its own copy (up to 200 paths x
 * 365 days, about 0.6 MB a series: gigabytes for thousands of cached products).
 */
public final class ErrorPaths {
    public static final ErrorPaths NONE = new ErrorPaths(List.of(), 1);

    private final List<double[]> paths;
    private final double scale;

    /** {@code paths} are kept, not copied: the caller must not modify them afterwards. */
    public ErrorPaths(List<double[]> paths, double scale) {
        this.paths = List.copyOf(paths);
        this.scale = scale;
    }

    /** A copy of {@code paths}, already in series units. */
    public static ErrorPaths of(double[][] paths) {
        return new ErrorPaths(Arrays.stream(paths).map(double[]::clone).toList(), 1);
    }

    public int size() {
        return paths.size();
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** Path {@code k} in series units (a copy). */
    public double[] path(int k) {
        double[] out = paths.get(k).clone();
        for (int d = 0; d < out.length; d++) {
            out[d] *= scale;
        }
        return out;
    }

    /** Path {@code k}'s error over days [0, days) in series units; NaN when it is shorter or misses one of them. */
    public double sum(int k, int days) {
        double[] path = paths.get(k);
        if (path.length < days) {
            return Double.NaN;
        }
        double sum = 0;
        for (int d = 0; d < days; d++) {
            sum += path[d];
        }
        return sum * scale;
    }
}
