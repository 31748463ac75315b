package org.stockcast.model.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Allocation-light parsers for the two date formats and plain decimal numbers of an upload. */
final class CsvValues {
    /** Returned by {@link #parseEpochDay} for text that is not a valid date. */
    static final int NO_DATE = Integer.MIN_VALUE;

    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private CsvValues() {
    }

    /** {@code yyyy-MM-dd} or {@code M/d/yyyy} (1- or 2-digit month and day) to an epoch day, else {@link #NO_DATE}. */
    static int parseEpochDay(String text) {
        int length = text.length();
        int year;
        int month;
        int day;
        if (length == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            year = digits(text, 0, 4);
            month = digits(text, 5, 7);
            day = digits(text, 8, 10);
        } else {
            int firstSlash = text.indexOf('/');
            int secondSlash = firstSlash < 0 ? -1 : text.indexOf('/', firstSlash + 1);
            if (firstSlash < 1 || firstSlash > 2 || secondSlash - firstSlash < 2 || secondSlash - firstSlash > 3
                    || length - secondSlash != 5) {
                return NO_DATE;
            }
            month = digits(text, 0, firstSlash);
            day = digits(text, firstSlash + 1, secondSlash);
            year = digits(text, secondSlash + 1, length);
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
            return NO_DATE;
        }
        try {
            return Math.toIntExact(LocalDate.of(year, month, day).toEpochDay());
        } catch (DateTimeException e) {
            return NO_DATE; // e.g. 2025-02-30
        }
    }

    /** Non-negative decimal value of text[from, to) when it is all ASCII digits, else -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * A decimal number ({@code 12}, {@code -3.5}, {@code 1e3}); NaN for anything else, including "NaN",
     * "Infinity", hex and Java's {@code d}/{@code f} suffixes, which {@link Double#parseDouble} would accept.
     * Infinite results (1e999) are returned as they are; the caller rejects them.
     */
    static double parseNumber(String text) {
        int length = text.length();
        if (length == 0) {
            return Double.NaN;
        }
        // Fast path: [sign] digits [. digits] with a mantissa below 2^53. Dividing two exactly representable
        // doubles is correctly rounded, so the result equals Double.parseDouble's.
        int i = 0;
        boolean negative = false;
        char first = text.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        long mantissa = 0;
        int fractionDigits = 0;
        int digitCount = 0;
        boolean seenPoint = false;
        boolean seenDigit = false;
        boolean simple = true;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                seenDigit = true;
                if (digitCount >= 17) {
                    simple = false;
                    break;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    digitCount++;
                }
                if (seenPoint) {
                    fractionDigits++;
                }
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                simple = false;
                break;
            }
        }
        if (simple && seenDigit && mantissa < MAX_EXACT_MANTISSA && fractionDigits < POWERS_OF_TEN.length) {
            double value = mantissa / POWERS_OF_TEN[fractionDigits];
            return negative ? -value : value;
        }
        return parseGeneral(text);
    }

    private static double parseGeneral(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
            if (!allowed) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
