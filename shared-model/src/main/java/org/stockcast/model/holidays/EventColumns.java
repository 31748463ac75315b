package org.stockcast.model.holidays;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stockcast.model.additive.SpecialDay;
import org.stockcast.model.dataset.SalesTable;

/**
 * User-supplied special days (promotions, closures, holidays) from an optional {@code holiday} or {@code event}
 * column of the upload, kept in the master dataset like any extra column. A cell marks its row's date: {@code 1},
 * {@code true} or {@code yes} as an unnamed event of that column, any other text as an event of that name (so
 * "black friday" and "store closed" get separate effects); empty, {@code 0}, {@code false} and {@code no} mark
 * nothing. A date marked on any row counts for every series (the model learns per series how much it matters).
 */
public final class EventColumns {
    /** The extra columns read, compared ignoring case. */
    public static final List<String> COLUMNS = List.of("holiday", "event");
    private static final Set<String> NO = Set.of("", "0", "false", "no");
    private static final Set<String> YES = Set.of("1", "true", "yes");

    private EventColumns() {
    }

    public static List<SpecialDay> of(SalesTable table, int daysBefore, int daysAfter) {
        Map<String, TreeSet<LocalDate>> byName = new TreeMap<>();
        for (String column : table.extraColumns()) {
            String kind = column.strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(kind)) {
                continue;
            }
            for (int row = 0; row < table.size(); row++) {
                String value = table.extra(column, row);
                String name = name(kind, value);
                if (name != null) {
                    byName.computeIfAbsent(name, n -> new TreeSet<>()).add(table.date(row));
                }
            }
        }
        List<SpecialDay> days = new ArrayList<>();
        byName.forEach((name, dates) -> days.add(new SpecialDay(name, List.copyOf(dates), daysBefore, daysAfter)));
        return days;
    }

    /** The special day a cell names, or null when it marks nothing. */
    static String name(String column, String value) {
        String text = value == null ? "" : value.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (NO.contains(lower)) {
            return null;
        }
        return YES.contains(lower) ? column : column + ": " + text;
    }
}
