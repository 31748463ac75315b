package org.stockcast.model.dataset;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** Daily sum of sales over the rows a filter matches, first to last matching date (absent days are 0). */
final class DailySums {
    private DailySums() {
    }

    static Optional<DailySeries> of(SalesTable table, SalesFilter filter) {
        int size = table.size();
        if (size == 0) {
            return Optional.empty();
        }
        int minEpochDay = (int) table.firstDate().orElseThrow().toEpochDay();
        int maxEpochDay = (int) table.lastDate().orElseThrow().toEpochDay();
        int[] epochDays = table.epochDayColumn();
        double[] sales = table.salesColumn();
        long span = (long) maxEpochDay - minEpochDay + 1;
        // One pass into a buffer covering the whole table's date range, unless that range is absurdly wide
        // compared with the row count (e.g. a stray year-2999 date): then find the matching range first.
        int from = minEpochDay;
        int to = maxEpochDay;
        if (span > Math.max(4L * size, 100_000L)) {
            int[] range = matchingRange(table, filter);
            if (range == null) {
                return Optional.empty();
            }
            from = range[0];
            to = range[1];
        }
        double[] totals = new double[to - from + 1];
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        SalesRowMatcher matcher = new SalesRowMatcher(table, filter);
        int[] candidates = table.candidateRows(filter);
        int rows = candidates == null ? size : candidates.length;
        for (int k = 0; k < rows; k++) {
            int i = candidates == null ? k : candidates[k];
            if (matcher.test(i)) {
                int day = epochDays[i];
                totals[day - from] += sales[i];
                if (day < first) {
                    first = day;
                }
                if (day > last) {
                    last = day;
                }
            }
        }
        if (first == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        double[] values = Arrays.copyOfRange(totals, first - from, last - from + 1);
        return Optional.of(new DailySeries(LocalDate.ofEpochDay(first), values));
    }

    private static int[] matchingRange(SalesTable table, SalesFilter filter) {
        SalesRowMatcher matcher = new SalesRowMatcher(table, filter);
        int[] epochDays = table.epochDayColumn();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        int[] candidates = table.candidateRows(filter);
        int rows = candidates == null ? table.size() : candidates.length;
        for (int k = 0; k < rows; k++) {
            int i = candidates == null ? k : candidates[k];
            if (matcher.test(i)) {
                first = Math.min(first, epochDays[i]);
                last = Math.max(last, epochDays[i]);
            }
        }
        return first == Integer.MAX_VALUE ? null : new int[] {first, last};
    }
}
