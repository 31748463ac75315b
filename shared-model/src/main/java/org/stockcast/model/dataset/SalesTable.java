package org.stockcast.model.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Immutable, column-oriented sales rows (the master dataset, an upload, or a model version's snapshot).
 * Known columns are typed; missing numeric values are NaN, missing text is null. Every other column is kept
 * as text, in first-seen order, so nothing a user uploads is dropped.
 *
 * <p>Build one with {@link #builder()}. Text values are deduplicated while building, so a million rows over a
 * few products, categories and regions share a handful of String instances.
 */
public final class SalesTable {
    /** Product id given to rows of a file without a product_id column (API.md). */
    public static final String TOTAL_PRODUCT = "_total";

    private static final SalesTable EMPTY = new Builder(0).build();

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

    public static Builder builder() {
        return new Builder(16);
    }

    /** A builder pre-sized for about {@code expectedRows} rows (it still grows beyond that). */
    public static Builder builder(int expectedRows) {
        return new Builder(expectedRows);
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
        if (size == 0) {
            return Optional.empty();
        }
        long span = (long) maxEpochDay - minEpochDay + 1;
        // One pass into a buffer covering the whole table's date range, unless that range is absurdly wide
        // compared with the row count (e.g. a stray year-2999 date): then find the matching range first.
        int from = minEpochDay;
        int to = maxEpochDay;
        if (span > Math.max(4L * size, 100_000L)) {
            int[] range = matchingRange(filter);
            if (range == null) {
                return Optional.empty();
            }
            from = range[0];
            to = range[1];
        }
        double[] totals = new double[to - from + 1];
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        RowMatcher matcher = new RowMatcher(filter);
        for (int i = 0; i < size; i++) {
            if (matcher.matches(i)) {
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

    /**
     * The daily series of the filter under {@code rules}: absent days as configured, explicit missing values kept
     * as NaN, an aggregate ending where its active members' reports end ({@link DailyAggregation}).
     */
    public Optional<DailySeries> dailySeries(SalesFilter filter, SeriesRules rules) {
        return DailyAggregation.of(this, filter, rules);
    }

    /** Row test for the filter, for package code that aggregates rows itself. Not thread-safe (it caches). */
    java.util.function.IntPredicate matcher(SalesFilter filter) {
        return new RowMatcher(filter)::matches;
    }

    /** Number of rows the filter matches. */
    public int count(SalesFilter filter) {
        RowMatcher matcher = new RowMatcher(filter);
        int count = 0;
        for (int i = 0; i < size; i++) {
            if (matcher.matches(i)) {
                count++;
            }
        }
        return count;
    }

    private int[] matchingRange(SalesFilter filter) {
        RowMatcher matcher = new RowMatcher(filter);
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            if (matcher.matches(i)) {
                first = Math.min(first, epochDays[i]);
                last = Math.max(last, epochDays[i]);
            }
        }
        return first == Integer.MAX_VALUE ? null : new int[] {first, last};
    }

    /** Filter test for one row; caches the last matching text instance because values are deduplicated. */
    private final class RowMatcher {
        private final TextMatch product;
        private final TextMatch category;
        private final TextMatch region;
        private final double minRating;
        private final double maxPrice;
        private final double minDiscount;
        private final boolean hasMinRating;
        private final boolean hasMaxPrice;
        private final boolean hasMinDiscount;

        RowMatcher(SalesFilter filter) {
            this.product = filter.productId() == null ? null : new TextMatch(filter.productId());
            this.category = filter.category() == null ? null : new TextMatch(filter.category());
            this.region = filter.region() == null ? null : new TextMatch(filter.region());
            this.hasMinRating = filter.minRating() != null;
            this.hasMaxPrice = filter.maxPrice() != null;
            this.hasMinDiscount = filter.minDiscount() != null;
            this.minRating = hasMinRating ? filter.minRating() : 0;
            this.maxPrice = hasMaxPrice ? filter.maxPrice() : 0;
            this.minDiscount = hasMinDiscount ? filter.minDiscount() : 0;
        }

        boolean matches(int i) {
            // NaN comparisons are false, so a missing value never satisfies a bound.
            return (product == null || product.matches(productIds[i]))
                    && (category == null || category.matches(categories[i]))
                    && (region == null || region.matches(regions[i]))
                    && (!hasMinRating || ratings[i] >= minRating)
                    && (!hasMaxPrice || prices[i] <= maxPrice)
                    && (!hasMinDiscount || discounts[i] >= minDiscount);
        }
    }

    private static final class TextMatch {
        private final String wanted;
        private String lastHit;

        TextMatch(String wanted) {
            this.wanted = wanted;
        }

        boolean matches(String value) {
            if (value == lastHit && value != null) {
                return true;
            }
            if (wanted.equals(value)) {
                lastHit = value;
                return true;
            }
            return false;
        }
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

    /**
     * Collects rows, then {@link #build()}s an immutable table. Extra values are set for the row added last
     * ({@link #extra(String, String)}); rows that never get a value for an extra column keep it empty.
     * Not thread-safe; a builder must not be used after {@code build()}.
     */
    public static final class Builder {
        /** Caps the dedupe cache so a column of unique values (ids, free text) cannot grow it without bound. */
        private static final int MAX_CACHED_STRINGS = 100_000;

        private int size;
        private int[] epochDays;
        // Product, category and region as codes into `dictionary` (0 = empty) while rows are collected: filling
        // int arrays instead of huge reference arrays spares the garbage collector from rescanning them on every
        // young collection of a million-row ingest. build() turns them into String columns once.
        private int[] productCodes;
        private int[] categoryCodes;
        private int[] regionCodes;
        private final List<String> dictionary = new ArrayList<>(List.of(""));
        private final Map<String, Integer> codes = new HashMap<>();
        private double[] sales;
        private double[] prices;
        private double[] discounts;
        private double[] ratings;
        private final List<String> extraNames = new ArrayList<>();
        private final Map<String, Integer> extraIndex = new HashMap<>();
        private final List<String[]> extraValues = new ArrayList<>();
        private final Map<String, String> strings = new HashMap<>();
        private boolean built;

        private Builder(int expectedRows) {
            int capacity = Math.max(expectedRows, 16);
            epochDays = new int[capacity];
            productCodes = new int[capacity];
            categoryCodes = new int[capacity];
            regionCodes = new int[capacity];
            sales = new double[capacity];
            prices = new double[capacity];
            discounts = new double[capacity];
            ratings = new double[capacity];
        }

        public int size() {
            return size;
        }

        /** A row with only the required values; category/region empty, price/discount/rating missing. */
        public Builder add(LocalDate date, String productId, double sales) {
            return add(date, productId, sales, null, null, Double.NaN, Double.NaN, Double.NaN);
        }

        public Builder add(LocalDate date, String productId, double sales, String category, String region,
                           double price, double discount, double rating) {
            return addEpochDay(Math.toIntExact(date.toEpochDay()), productId, sales, category, region,
                    price, discount, rating);
        }

        /** Same as {@link #add(LocalDate, String, double, String, String, double, double, double)} by epoch day. */
        public Builder addEpochDay(int epochDay, String productId, double sales, String category, String region,
                                   double price, double discount, double rating) {
            if (productId == null || productId.isEmpty()) {
                throw new IllegalArgumentException("productId must not be empty");
            }
            if (built) {
                throw new IllegalStateException("builder already built");
            }
            if (size == epochDays.length) {
                grow();
            }
            int i = size++;
            epochDays[i] = epochDay;
            productCodes[i] = code(productId);
            categoryCodes[i] = code(category);
            regionCodes[i] = code(region);
            this.sales[i] = sales;
            prices[i] = price;
            discounts[i] = discount;
            ratings[i] = rating;
            return this;
        }

        /** Declares an extra column (no-op when known) and returns its index for {@link #extra(int, String)}. */
        public int extraColumn(String name) {
            Integer index = extraIndex.get(name);
            if (index != null) {
                return index;
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("extra column name must not be empty");
            }
            extraNames.add(name);
            extraValues.add(new String[epochDays.length]);
            extraIndex.put(name, extraNames.size() - 1);
            return extraNames.size() - 1;
        }

        /** Sets an extra column's value for the row added last (declaring the column if new). */
        public Builder extra(String column, String value) {
            return extra(extraColumn(column), value);
        }

        public Builder extra(int columnIndex, String value) {
            if (size == 0) {
                throw new IllegalStateException("add a row before setting its extra values");
            }
            extraValues.get(columnIndex)[size - 1] = dedupe(emptyToNull(value));
            return this;
        }

        public SalesTable build() {
            built = true;
            Map<String, String[]> extras = new LinkedHashMap<>();
            for (int c = 0; c < extraNames.size(); c++) {
                extras.put(extraNames.get(c), trim(extraValues.get(c)));
            }
            String[] words = dictionary.toArray(new String[0]);
            words[0] = null;
            SalesTable table = new SalesTable(size, trim(epochDays), decode(productCodes, words),
                    decode(categoryCodes, words), decode(regionCodes, words), trim(sales), trim(prices),
                    trim(discounts), trim(ratings), extras);
            strings.clear();
            codes.clear();
            return table;
        }

        private int code(String value) {
            if (value == null || value.isEmpty()) {
                return 0;
            }
            Integer known = codes.get(value);
            if (known != null) {
                return known;
            }
            dictionary.add(value);
            codes.put(value, dictionary.size() - 1);
            return dictionary.size() - 1;
        }

        private String[] decode(int[] column, String[] words) {
            String[] values = new String[size];
            for (int i = 0; i < size; i++) {
                values[i] = words[column[i]];
            }
            return values;
        }

        private String dedupe(String value) {
            if (value == null) {
                return null;
            }
            String known = strings.get(value);
            if (known != null) {
                return known;
            }
            if (strings.size() < MAX_CACHED_STRINGS) {
                strings.put(value, value);
            }
            return value;
        }

        private void grow() {
            // Doubling keeps the total copying below one final table's worth (build() trims once more).
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16L, 2L * epochDays.length));
            epochDays = Arrays.copyOf(epochDays, capacity);
            productCodes = Arrays.copyOf(productCodes, capacity);
            categoryCodes = Arrays.copyOf(categoryCodes, capacity);
            regionCodes = Arrays.copyOf(regionCodes, capacity);
            sales = Arrays.copyOf(sales, capacity);
            prices = Arrays.copyOf(prices, capacity);
            discounts = Arrays.copyOf(discounts, capacity);
            ratings = Arrays.copyOf(ratings, capacity);
            extraValues.replaceAll(values -> Arrays.copyOf(values, capacity));
        }

        private int[] trim(int[] values) {
            return values.length == size ? values : Arrays.copyOf(values, size);
        }

        private double[] trim(double[] values) {
            return values.length == size ? values : Arrays.copyOf(values, size);
        }

        private String[] trim(String[] values) {
            return values.length == size ? values : Arrays.copyOf(values, size);
        }

        private static String emptyToNull(String value) {
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
