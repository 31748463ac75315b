package org.stockcast.model.dataset;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Immutable, column-oriented sales rows (the master dataset, an upload, or a model version's snapshot).
 * Known columns are typed; missing numeric values are NaN, missing text is null. Every other column is kept
 * as text, in first-seen order, so nothing a user uploads is dropped.
 *
 * <p>Build one with {@link #builder()} ({@link SalesTableBuilder}). Text values are deduplicated while building, so a million rows over a
 * few products, categories and regions share a handful of String instances.
 */
public final class SalesTable {
    /** Product id given to rows of a file without a product_id column (docs/api.md). */
    public static final String TOTAL_PRODUCT = "_total";

    private static final SalesTable EMPTY = new SalesTableBuilder(0).build();

    private final int size;
    private final int[] epochDays;
    private final String[] productIds;
    private final String[] categories;
    private final String[] regions;
    private final double[] sales;
    private final double[] prices;
    private final double[] discounts;
    private final double[] ratings;
    /** Extra column name -> values (null = empty), in first-seen order. */
    private final Map<String, String[]> extras;
    private final int minEpochDay;
    private final int maxEpochDay;
    // Computed on first use. A race only computes the same immutable list twice; List.copyOf's result is safely
    // published through its final fields, so these need not be volatile.
    private List<String> distinctProducts;
    private List<String> distinctCategories;
    private List<String> distinctRegions;
    private volatile ProductRows productRows;

    SalesTable(int size, int[] epochDays, String[] productIds, String[] categories, String[] regions,
               double[] sales, double[] prices, double[] discounts, double[] ratings,
               Map<String, String[]> extras) {
        this.size = size;
        this.epochDays = epochDays;
        this.productIds = productIds;
        this.categories = categories;
        this.regions = regions;
        this.sales = sales;
        this.prices = prices;
        this.discounts = discounts;
        this.ratings = ratings;
        this.extras = Collections.unmodifiableMap(extras);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            int day = epochDays[i];
            if (day < min) {
                min = day;
            }
            if (day > max) {
                max = day;
            }
        }
        this.minEpochDay = min;
        this.maxEpochDay = max;
    }

    public static SalesTable empty() {
        return EMPTY;
    }

    public static SalesTableBuilder builder() {
        return new SalesTableBuilder(16);
    }

    /** A builder pre-sized for about {@code expectedRows} rows (it still grows beyond that). */
    public static SalesTableBuilder builder(int expectedRows) {
        return new SalesTableBuilder(expectedRows);
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public LocalDate date(int row) {
        return LocalDate.ofEpochDay(epochDay(row));
    }

    /** The row's date as {@link LocalDate#toEpochDay()}; cheaper than {@link #date(int)} in loops. */
    public int epochDay(int row) {
        return epochDays[checkRow(row)];
    }

    public String productId(int row) {
        return productIds[checkRow(row)];
    }

    public String category(int row) {
        return categories[checkRow(row)];
    }

    public String region(int row) {
        return regions[checkRow(row)];
    }

    public double sales(int row) {
        return sales[checkRow(row)];
    }

    public double price(int row) {
        return prices[checkRow(row)];
    }

    public double discount(int row) {
        return discounts[checkRow(row)];
    }

    public double rating(int row) {
        return ratings[checkRow(row)];
    }

    /** Names of the extra (unknown) columns, in first-seen order. */
    public List<String> extraColumns() {
        return List.copyOf(extras.keySet());
    }

    /** Text of an extra column for a row, or null when empty. */
    public String extra(String column, int row) {
        String[] values = extras.get(column);
        if (values == null) {
            throw new IllegalArgumentException("no extra column '" + column + "'; columns: " + extras.keySet());
        }
        return values[checkRow(row)];
    }

    public Optional<LocalDate> firstDate() {
        return size == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(minEpochDay));
    }

    public Optional<LocalDate> lastDate() {
        return size == 0 ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(maxEpochDay));
    }

    /** Distinct product ids, sorted. */
    public List<String> productIds() {
        List<String> result = distinctProducts;
        if (result == null) {
            result = distinctSorted(productIds);
            distinctProducts = result;
        }
        return result;
    }

    /** Distinct categories (rows without one are left out), sorted. */
    public List<String> categories() {
        List<String> result = distinctCategories;
        if (result == null) {
            result = distinctSorted(categories);
            distinctCategories = result;
        }
        return result;
    }

    /** Distinct regions (rows without one are left out), sorted. */
    public List<String> regions() {
        List<String> result = distinctRegions;
        if (result == null) {
            result = distinctSorted(regions);
            distinctRegions = result;
        }
        return result;
    }

    private List<String> distinctSorted(String[] column) {
        TreeSet<String> distinct = new TreeSet<>();
        String previous = null;
        for (int i = 0; i < size; i++) {
            String value = column[i];
            // Values are deduplicated instances, and equal neighbours are common: skip the tree lookup for them.
            if (value != null && value != previous) {
                distinct.add(value);
                previous = value;
            }
        }
        return List.copyOf(distinct);
    }

    /**
     * Daily sum of sales over the rows matching the filter, first to last matching date; empty if none match.
     * Text filters compare exactly (case-sensitive), numeric bounds never match a missing value.
     */
    public Optional<DailySeries> dailySeries(SalesFilter filter) {
        return DailySums.of(this, filter);
    }

    /**
     * The daily series of the filter under {@code rules}: absent days as configured, explicit missing values kept
     * as NaN, an aggregate ending where its active members' reports end ({@link DailyAggregation}).
     */
    public Optional<DailySeries> dailySeries(SalesFilter filter, SeriesRules rules) {
        return DailyAggregation.of(this, filter, rules);
    }

    /** Row test for the filter, for package code that aggregates rows itself. Not thread-safe (it caches). */
    IntPredicate matcher(SalesFilter filter) {
        return new SalesRowMatcher(this, filter);
    }

    /**
     * The rows a filter can match, ascending: its product's rows when it names a product, else null (every row).
     * The index is built on first use and shared by every later query of the table.
     */
    int[] candidateRows(SalesFilter filter) {
        if (filter.productId() == null) {
            return null;
        }
        ProductRows index = productRows;
        if (index == null) {
            synchronized (this) {
                index = productRows;
                if (index == null) {
                    index = ProductRows.of(productIds, size);
                    productRows = index;
                }
            }
        }
        return index.of(filter.productId());
    }

    private int checkRow(int row) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size);
        }
        return row;
    }

    /** Package-private raw access for merge and CSV writing (arrays are never handed out publicly). */
    int[] epochDayColumn() {
        return epochDays;
    }

    String[] productColumn() {
        return productIds;
    }

    String[] categoryColumn() {
        return categories;
    }

    String[] regionColumn() {
        return regions;
    }

    double[] salesColumn() {
        return sales;
    }

    double[] priceColumn() {
        return prices;
    }

    double[] discountColumn() {
        return discounts;
    }

    double[] ratingColumn() {
        return ratings;
    }

    Map<String, String[]> extraColumnMap() {
        return extras;
    }

    @Override
    public String toString() {
        return "SalesTable[" + size + " rows, " + firstDate().map(LocalDate::toString).orElse("-") + ".."
                + lastDate().map(LocalDate::toString).orElse("-") + ", extras=" + extras.keySet() + "]";
    }
}
