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
        int n = values.length;
        double position = q * (n - 1);
        int below = (int) Math.floor(position);
        double fraction = position - below;
        int from = Math.min(Math.max(sortedUpTo, 0), below);
        select(values, from, n - 1, below);
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
