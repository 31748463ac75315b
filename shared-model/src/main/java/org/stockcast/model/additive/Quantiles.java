package org.stockcast.model.additive;

/** numpy.percentile's default (linear interpolation) by selection instead of a full sort. */
final class Quantiles {
    private Quantiles() {
    }

    /**
     * The q-quantile of {@code values}, reordering them. Elements before {@code sortedUpTo} must be no larger than
     * any later one (a previous call for a lower quantile leaves them so), so the selection skips them.
     */
    static double quantile(double[] values, double q, int sortedUpTo) {
        return quantile(values, q, sortedUpTo, Double.NaN);
    }

    /**
     * As {@link #quantile(double[], double, int)}; {@code hint} (e.g. the same quantile of the previous day, NaN
     * for none) is tried as the first pivot: close to the answer, it leaves only a small part to select in.
     */
    static double quantile(double[] values, double q, int sortedUpTo, double hint) {
        int n = values.length;
        double position = q * (n - 1);
        int below = (int) Math.floor(position);
        double fraction = position - below;
        int from = Math.min(Math.max(sortedUpTo, 0), below);
        int to = n - 1;
        if (!Double.isNaN(hint)) {
            int split = partition(values, from, to, hint);
            if (below < split) {
                to = split - 1;
            } else {
                from = split;
            }
        }
        select(values, from, to, below);
        double low = values[below];
        if (fraction == 0 || below + 1 >= n) {
            return low;
        }
        double high = Double.POSITIVE_INFINITY;
        for (int i = below + 1; i < n; i++) {
            high = Math.min(high, values[i]);
        }
        return low + fraction * (high - low);
    }

    /** Moves the elements of a[left..right] below {@code pivot} to the front; returns the first index of the rest. */
    private static int partition(double[] a, int left, int right, double pivot) {
        int store = left;
        for (int i = left; i <= right; i++) {
            if (a[i] < pivot) {
                swap(a, i, store++);
            }
        }
        return store;
    }

    /** Hoare quickselect with median-of-three pivots: afterwards a[k] is the k-th smallest of a[left..right]. */
    static void select(double[] a, int left, int right, int k) {
        while (right > left) {
            int mid = (left + right) >>> 1;
            if (a[mid] < a[left]) {
                swap(a, mid, left);
            }
            if (a[right] < a[left]) {
                swap(a, right, left);
            }
            if (a[right] < a[mid]) {
                swap(a, right, mid);
            }
            double pivot = a[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        double tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
    }
}
