package org.stockcast.model.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a table as CSV in the docs/api.md input format, so a written file can be read back by the ingest code:
 * UTF-8 without BOM, header {@code date,product_id,sales,category,region,price,discount,rating} then the extra
 * columns, ISO dates, missing values as empty fields, RFC 4180 quoting only where needed.
 */
public final class SalesTableCsv {
    /** The known columns, in the order they are written. */
    public static final List<String> KNOWN_COLUMNS =
            List.of("date", "product_id", "sales", "category", "region", "price", "discount", "rating");

    private SalesTableCsv() {
    }

    /** Writes the whole table and flushes; {@code out} stays open. */
    public static void write(SalesTable table, OutputStream out) throws IOException {
        write(table, null, 0, table.size(), table.extraColumns(), out);
    }

    /**
     * Writes the rows {@code rows[from..to)} (all rows {@code from..to} in table order when {@code rows} is null)
     * with only the given extra columns, in that order, and flushes; {@code out} stays open.
     */
    public static void write(SalesTable table, int[] rows, int from, int to, List<String> extraColumns,
                             OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Map<String, String[]> extras = table.extraColumnMap();
        List<String[]> extraValues = new ArrayList<>(extraColumns.size());
        for (String name : extraColumns) {
            String[] values = extras.get(name);
            if (values == null) {
                throw new IllegalArgumentException("no extra column '" + name + "'; columns: " + extras.keySet());
            }
            extraValues.add(values);
        }

        writer.write(String.join(",", KNOWN_COLUMNS));
        for (String name : extraColumns) {
            writer.write(',');
            writeText(writer, name);
        }
        writer.write('\n');

        int[] days = table.epochDayColumn();
        String[] products = table.productColumn();
        String[] categories = table.categoryColumn();
        String[] regions = table.regionColumn();
        double[] sales = table.salesColumn();
        double[] prices = table.priceColumn();
        double[] discounts = table.discountColumn();
        double[] ratings = table.ratingColumn();
        int cachedDay = Integer.MIN_VALUE;
        String cachedDate = null;
        for (int k = from; k < to; k++) {
            int i = rows == null ? k : rows[k];
            if (days[i] != cachedDay) {
                cachedDay = days[i];
                cachedDate = LocalDate.ofEpochDay(cachedDay).toString();
            }
            writer.write(cachedDate);
            writer.write(',');
            writeText(writer, products[i]);
            writer.write(',');
            writeNumber(writer, sales[i]);
            writer.write(',');
            writeText(writer, categories[i]);
            writer.write(',');
            writeText(writer, regions[i]);
            writer.write(',');
            writeNumber(writer, prices[i]);
            writer.write(',');
            writeNumber(writer, discounts[i]);
            writer.write(',');
            writeNumber(writer, ratings[i]);
            for (String[] column : extraValues) {
                writer.write(',');
                writeText(writer, column[i]);
            }
            writer.write('\n');
        }
        writer.flush();
    }

    /** Integral values without ".0" (sales are mostly counts); others in Java's round-trip form. */
    static void writeNumber(Writer writer, double value) throws IOException {
        if (Double.isNaN(value)) {
            return;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            writer.write(Long.toString((long) value));
        } else {
            writer.write(Double.toString(value));
        }
    }

    static void writeText(Writer writer, String value) throws IOException {
        if (value == null) {
            return;
        }
        if (needsQuotes(value)) {
            writer.write('"');
            writer.write(value.replace("\"", "\"\""));
            writer.write('"');
        } else {
            writer.write(value);
        }
    }

    /** Leading/trailing spaces are quoted too, because the reader trims unquoted known fields. */
    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return false;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
