package org.stockcast.model.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables cut into parts and put back together (the master dataset's monthly partitions): concatenation with a
 * union of extra columns, and row-range comparisons. A part is a list of row indices {@code rows[from..to)}.
 */
public final class SalesTableParts {
    private SalesTableParts() {
    }

    /**
     * The parts' rows in order. Extra columns: {@code extraColumns} first, in that order, then any other column a
     * part has, in first-seen order; a part without a column gets empty values for it.
     */
    public static SalesTable concat(List<SalesTable> parts, List<String> extraColumns) {
        int size = 0;
        for (SalesTable part : parts) {
            size += part.size();
        }
        List<String> names = new ArrayList<>(extraColumns);
        for (SalesTable part : parts) {
            for (String name : part.extraColumnMap().keySet()) {
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
        }
        int[] days = new int[size];
        String[] products = new String[size];
        String[] categories = new String[size];
        String[] regions = new String[size];
        double[] sales = new double[size];
        double[] prices = new double[size];
        double[] discounts = new double[size];
        double[] ratings = new double[size];
        Map<String, String[]> extras = new LinkedHashMap<>();
        for (String name : names) {
            extras.put(name, new String[size]);
        }
        Map<String, String> instances = new HashMap<>();
        int at = 0;
        for (SalesTable part : parts) {
            int n = part.size();
            System.arraycopy(part.epochDayColumn(), 0, days, at, n);
            canonical(part.productColumn(), products, at, n, instances);
            canonical(part.categoryColumn(), categories, at, n, instances);
            canonical(part.regionColumn(), regions, at, n, instances);
            System.arraycopy(part.salesColumn(), 0, sales, at, n);
            System.arraycopy(part.priceColumn(), 0, prices, at, n);
            System.arraycopy(part.discountColumn(), 0, discounts, at, n);
            System.arraycopy(part.ratingColumn(), 0, ratings, at, n);
            for (Map.Entry<String, String[]> column : part.extraColumnMap().entrySet()) {
                System.arraycopy(column.getValue(), 0, extras.get(column.getKey()), at, n);
            }
            at += n;
        }
        return new SalesTable(size, days, products, categories, regions, sales, prices, discounts, ratings, extras);
    }

    /**
     * Copies a text column, one String instance per value across all parts (as one ingest would make them), so
     * memory and the identity fast paths of filters and merges are as for a table read from one file.
     */
    private static void canonical(String[] from, String[] to, int at, int n, Map<String, String> instances) {
        String previousIn = null;
        String previousOut = null;
        for (int i = 0; i < n; i++) {
            String value = from[i];
            if (value != previousIn) {
                previousIn = value;
                previousOut = value == null ? null : instances.computeIfAbsent(value, v -> v);
            }
            to[at + i] = previousOut;
        }
    }

    /** The table's extra columns with at least one value among {@code rows[from..to)}, in table order. */
    public static List<String> nonEmptyExtras(SalesTable table, int[] rows, int from, int to) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String[]> column : table.extraColumnMap().entrySet()) {
            String[] values = column.getValue();
            for (int k = from; k < to; k++) {
                if (values[rows[k]] != null) {
                    names.add(column.getKey());
                    break;
                }
            }
        }
        return names;
    }

    /**
     * Whether two parts hold the same rows in the same order, value for value, over the known columns and the
     * given extra columns (which both tables must have). Exact: NaN equals NaN, -0.0 differs from 0.0.
     */
    public static boolean sameRows(SalesTable a, int[] aRows, int aFrom, SalesTable b, int[] bRows, int bFrom,
                                   int count, List<String> extraColumns) {
        List<String[]> aExtras = new ArrayList<>();
        List<String[]> bExtras = new ArrayList<>();
        for (String name : extraColumns) {
            aExtras.add(Objects.requireNonNull(a.extraColumnMap().get(name), name));
            bExtras.add(Objects.requireNonNull(b.extraColumnMap().get(name), name));
        }
        for (int k = 0; k < count; k++) {
            int i = aRows[aFrom + k];
            int j = bRows[bFrom + k];
            if (a.epochDayColumn()[i] != b.epochDayColumn()[j]
                    || !Objects.equals(a.productColumn()[i], b.productColumn()[j])
                    || !Objects.equals(a.categoryColumn()[i], b.categoryColumn()[j])
                    || !Objects.equals(a.regionColumn()[i], b.regionColumn()[j])
                    || !sameNumber(a.salesColumn()[i], b.salesColumn()[j])
                    || !sameNumber(a.priceColumn()[i], b.priceColumn()[j])
                    || !sameNumber(a.discountColumn()[i], b.discountColumn()[j])
                    || !sameNumber(a.ratingColumn()[i], b.ratingColumn()[j])) {
                return false;
            }
            for (int c = 0; c < aExtras.size(); c++) {
                if (!Objects.equals(aExtras.get(c)[i], bExtras.get(c)[j])) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameNumber(double x, double y) {
        return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
    }
}
