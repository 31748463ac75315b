package org.stockcast.model.master;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.stockcast.model.dataset.SalesTable;

/**
 * A table's rows grouped by calendar month, months ascending, rows of a month in table order (a stable counting
 * sort, linear in the rows). {@code rows[from..to)} of each {@link Month} are its row indices.
 */
record MonthSplit(SalesTable table, int[] rows, List<Month> months) {
    record Month(YearMonth month, int from, int to) {
        int size() {
            return to - from;
        }
    }

    static MonthSplit of(SalesTable table) {
        int size = table.size();
        if (size == 0) {
            return new MonthSplit(table, new int[0], List.of());
        }
        int first = monthIndex(table.firstDate().orElseThrow());
        int last = monthIndex(table.lastDate().orElseThrow());
        int[] monthOfRow = new int[size];
        int[] counts = new int[last - first + 2];
        int cachedDay = Integer.MIN_VALUE;
        int cachedMonth = 0;
        for (int i = 0; i < size; i++) {
            int day = table.epochDay(i);
            if (day != cachedDay) {
                cachedDay = day;
                cachedMonth = monthIndex(LocalDate.ofEpochDay(day)) - first;
            }
            monthOfRow[i] = cachedMonth;
            counts[cachedMonth + 1]++;
        }
        List<Month> months = new ArrayList<>();
        for (int m = 0; m < counts.length - 1; m++) {
            if (counts[m + 1] > 0) {
                int from = counts[m];
                months.add(new Month(YearMonth.of(Math.floorDiv(m + first, 12), Math.floorMod(m + first, 12) + 1),
                        from, from + counts[m + 1]));
            }
            counts[m + 1] += counts[m]; // counts[m] becomes the first slot of month m
        }
        int[] next = counts;
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[next[monthOfRow[i]]++] = i;
        }
        return new MonthSplit(table, rows, List.copyOf(months));
    }

    private static int monthIndex(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }
}
