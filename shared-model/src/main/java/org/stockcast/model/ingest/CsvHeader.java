package org.stockcast.model.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.stockcast.model.dataset.SalesTableBuilder;

/**
 * An upload's validated header: the column names, what each means, and where each extra column goes in the table.
 * The arrays are owned by the reader of one file, which only reads them.
 */
record CsvHeader(String[] names, CsvHeader.Role[] roles, int[] extraIndex) {
    private static final int MAX_NAMES_IN_MESSAGE = 20;

    /** What a header column means. */
    enum Role {
        DATE("date"), PRODUCT_ID("product_id"), SALES("sales"), CATEGORY("category"), REGION("region"),
        PRICE("price"), DISCOUNT("discount"), RATING("rating"), EXTRA(null);

        private final String columnName;

        Role(String columnName) {
            this.columnName = columnName;
        }

        static Role of(String headerName) {
            String lower = headerName.toLowerCase(Locale.ROOT);
            for (Role role : values()) {
                if (lower.equals(role.columnName)) {
                    return role;
                }
            }
            return EXTRA;
        }
    }

    /** Validates a header line and registers its extra columns with {@code table}. */
    static CsvHeader parse(String[] header, String fileName, IngestLimits limits, SalesTableBuilder table) {
        if (header.length > limits.maxColumns()) {
            throw badHeader(fileName, "'" + fileName + "' has " + header.length + " columns; at most "
                    + limits.maxColumns() + " are allowed");
        }
        String[] names = new String[header.length];
        Role[] roles = new Role[header.length];
        int[] extraIndex = new int[header.length];
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c].strip();
            if (c == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                throw badHeader(fileName, "column " + (c + 1) + " of the header of '" + fileName
                        + "' has no name; every column needs a name");
            }
            if (name.length() > limits.maxFieldChars()) {
                throw badHeader(fileName, "column " + (c + 1) + " of the header of '" + fileName + "' is longer than "
                        + limits.maxFieldChars() + " characters");
            }
            Integer earlier = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), c);
            if (earlier != null) {
                throw badHeader(fileName, "'" + fileName + "' has the column '" + name + "' twice (columns "
                        + (earlier + 1) + " and " + (c + 1) + "; names are compared ignoring case)");
            }
            names[c] = name;
            roles[c] = Role.of(name);
            extraIndex[c] = roles[c] == Role.EXTRA ? table.extraColumn(name) : -1;
        }
        boolean hasDate = seen.containsKey("date");
        boolean hasSales = seen.containsKey("sales");
        if (!hasDate || !hasSales) {
            String missing = !hasDate && !hasSales ? "no 'date' column and no 'sales' column"
                    : !hasDate ? "no 'date' column" : "no 'sales' column";
            throw badHeader(fileName, "'" + fileName + "' has " + missing
                    + " (a long-format file needs one row per day and product with the columns date and sales,"
                    + " matched by name ignoring case); found: " + listNames(names) + separatorHint(names));
        }
        return new CsvHeader(names, roles, extraIndex);
    }

    /** Spreadsheets in many locales save ';'- or tab-separated "CSV", which reads as one long column name. */
    private static String separatorHint(String[] names) {
        if (names.length == 1) {
            for (String separator : new String[] {";", "\t", "|"}) {
                if (names[0].contains(separator)) {
                    return ". The file seems to use '" + (separator.equals("\t") ? "tab" : separator)
                            + "' between values; save it with commas as separators";
                }
            }
        }
        return "";
    }

    private static String listNames(String[] names) {
        StringBuilder list = new StringBuilder();
        for (int c = 0; c < names.length && c < MAX_NAMES_IN_MESSAGE; c++) {
            if (c > 0) {
                list.append(", ");
            }
            list.append(names[c]);
        }
        if (names.length > MAX_NAMES_IN_MESSAGE) {
            list.append(", ... (").append(names.length).append(" columns)");
        }
        return list.toString();
    }

    private static CsvRejectedException badHeader(String fileName, String message) {
        return CsvIngest.reject(fileName, CsvRejectedException.Reason.BAD_HEADER, message);
    }
}
