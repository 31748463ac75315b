package org.stockcast.model.holidays;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stockcast.model.additive.SpecialDay;

/**
 * A country's public holidays from Jollyday's maintained calendars (national holidays only, no regional ones), as
 * the additive model's special days: one {@link SpecialDay} per named holiday over the years asked for, so each
 * holiday gets its own effect (Christmas is not Labor Day), on the day it is observed (a Saturday holiday observed
 * on the Friday counts on the Friday, as shops and offices close then).
 */
public final class PublicHolidays {
    private PublicHolidays() {
    }

    /** Jollyday's calendar codes ("us", "de", "gb", ...), lower case. */
    public static Set<String> countries() {
        Set<String> codes = new TreeSet<>();
        for (String code : HolidayManager.getSupportedCalendarCodes()) {
            codes.add(code.toLowerCase(Locale.ROOT));
        }
        return codes;
    }

    /**
     * The holidays of {@code country} between {@code from} and {@code to} (both included), each with the window
     * {@code daysBefore}/{@code daysAfter}; names are "holiday: " + Jollyday's English description.
     *
     * @throws IllegalArgumentException for a country Jollyday has no calendar for
     */
    public static List<SpecialDay> between(String country, LocalDate from, LocalDate to, int daysBefore,
                                           int daysAfter) {
        String code = country.strip().toLowerCase(Locale.ROOT);
        if (!countries().contains(code)) {
            throw new IllegalArgumentException("no holiday calendar for country '" + country + "'; known: "
                    + String.join(", ", countries()));
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        Map<String, TreeSet<LocalDate>> byName = new TreeMap<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Holiday holiday : manager.getHolidays(Year.of(year))) {
                LocalDate day = holiday.getObservedDate().orElse(holiday.getDate());
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    byName.computeIfAbsent("holiday: " + holiday.getDescription(Locale.ENGLISH),
                            name -> new TreeSet<>()).add(day);
                }
            }
        }
        List<SpecialDay> days = new ArrayList<>();
        byName.forEach((name, dates) -> days.add(new SpecialDay(name, List.copyOf(dates), daysBefore, daysAfter)));
        return days;
    }
}
