package org.stockcast.model.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The daily series of the rows a filter selects, with members (products) that report unevenly:
 * <ul>
 * <li>inside a member's span (its first to its last day with a value) a day without a row is 0 or missing
 * ({@link AbsentDays}); an explicit missing value (NaN) there makes that day of the aggregate missing; rows marked
 * missing outside the span, and members with no value at all, are left out;</li>
 * <li>the series starts at the first member's first day and ends at the earliest last day among the
 * <em>active</em> members (those whose last row is at most {@link SeriesRules#discontinuedAfterDays()} days before
 * the newest row): a member that has not reported the newest days yet must not pull those days towards 0, so they
 * are left out until every active member has reported them;</li>
 * <li>a discontinued member counts as 0 after its last day (it stopped selling) and so does a member before its
 * first day (not launched yet).</li>
 * </ul>
 * For one product this is its own span, unchanged; a filter whose rows are all marked missing gives an all-NaN
 * series over their dates.
 */
final class DailyAggregation {
    private DailyAggregation() {
    }

    /** First and last epoch day of one member's matching rows. */
    private static final class Span {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
    }

    static Optional<DailySeries> of(SalesTable table, SalesFilter filter, SeriesRules rules) {
        if (table.isEmpty()) {
            return Optional.empty();
        }
        IntPredicate matches = table.matcher(filter);
        int[] days = table.epochDayColumn();
        String[] products = table.productColumn();
        double[] sales = table.salesColumn();
        int[] candidates = table.candidateRows(filter);
        int rows = candidates == null ? table.size() : candidates.length;
        // A member's span runs between its first and last day with a value: rows marked missing before or after
        // that say nothing, and a member with no value at all (a product before its launch) does not count.
        // Rows of one product usually come together: the map is only asked when the product changes (by
        // reference; equal ids from merged tables may be distinct instances, so the map itself compares by value).
        Map<String, Span> spans = new HashMap<>();
        int anyFirst = Integer.MAX_VALUE;
        int anyLast = Integer.MIN_VALUE;
        String previous = null;
        Span span = null;
        for (int k = 0; k < rows; k++) {
            int i = candidates == null ? k : candidates[k];
            if (!matches.test(i)) {
                continue;
            }
            anyFirst = Math.min(anyFirst, days[i]);
            anyLast = Math.max(anyLast, days[i]);
            if (Double.isNaN(sales[i])) {
                continue;
            }
            if (products[i] != previous) {
                previous = products[i];
                span = spans.computeIfAbsent(previous, p -> new Span());
            }
            span.first = Math.min(span.first, days[i]);
            span.last = Math.max(span.last, days[i]);
        }
        if (anyFirst == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        if (spans.isEmpty()) {
            // every matching row is marked missing: the series exists, and all of it is unknown
            double[] unknown = new double[anyLast - anyFirst + 1];
            java.util.Arrays.fill(unknown, Double.NaN);
            return Optional.of(new DailySeries(LocalDate.ofEpochDay(anyFirst), unknown));
        }
        int newest = Integer.MIN_VALUE;
        int start = Integer.MAX_VALUE;
        for (Span s : spans.values()) {
            newest = Math.max(newest, s.last);
            start = Math.min(start, s.first);
        }
        int end = end(new ArrayList<>(spans.values()), newest, rules.discontinuedAfterDays());
        int length = end - start + 1;
        double[] totals = new double[length];
        boolean[] missing = new boolean[length];
        int[] reported = new int[length];
        previous = null;
        span = null;
        for (int k = 0; k < rows; k++) {
            int i = candidates == null ? k : candidates[k];
            int day = days[i];
            if (day > end || !matches.test(i)) {
                continue;
            }
            if (products[i] != previous) {
                previous = products[i];
                span = spans.get(previous);
            }
            if (span == null || day < span.first || day > span.last) {
                continue;
            }
            int d = day - start;
            reported[d]++;
            if (Double.isNaN(sales[i])) {
                missing[d] = true;
            } else {
                totals[d] += sales[i];
            }
        }
        if (rules.absentDays() == AbsentDays.MISSING) {
            int[] inSpan = inSpanCounts(spans.values(), start, end);
            for (int d = 0; d < length; d++) {
                if (reported[d] < inSpan[d]) {
                    missing[d] = true;
                }
            }
        }
        for (int d = 0; d < length; d++) {
            if (missing[d]) {
                totals[d] = Double.NaN;
            }
        }
        return Optional.of(new DailySeries(LocalDate.ofEpochDay(start), totals));
    }

    /** The earliest last day among the members still reporting at {@code newest}. */
    static int end(List<Span> spans, int newest, int discontinuedAfterDays) {
        int end = newest;
        for (Span s : spans) {
            if ((long) newest - s.last <= discontinuedAfterDays) {
                end = Math.min(end, s.last);
            }
        }
        return end;
    }

    /** Per day of [start, end], how many members are inside their own span (difference array, O(days + members)). */
    private static int[] inSpanCounts(Iterable<Span> spans, int start, int end) {
        int length = end - start + 1;
        int[] delta = new int[length + 1];
        for (Span s : spans) {
            int from = Math.max(s.first, start);
            int to = Math.min(s.last, end);
            if (from <= to) {
                delta[from - start]++;
                delta[to - start + 1]--;
            }
        }
        int[] counts = new int[length];
        int running = 0;
        for (int d = 0; d < length; d++) {
            running += delta[d];
            counts[d] = running;
        }
        return counts;
    }
}
