package org.stockcast.model.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects rows, then {@link #build()}s an immutable {@link SalesTable}. Extra values are set for the row added last
 * ({@link #extra(String, String)}); rows that never get a value for an extra column keep it empty.
 * Not thread-safe; a builder must not be used after {@code build()}.
 */
public final class SalesTableBuilder {
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

    SalesTableBuilder(int expectedRows) {
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
    public SalesTableBuilder add(LocalDate date, String productId, double sales) {
        return add(date, productId, sales, null, null, Double.NaN, Double.NaN, Double.NaN);
    }

    public SalesTableBuilder add(LocalDate date, String productId, double sales, String category, String region,
                       double price, double discount, double rating) {
        return addEpochDay(Math.toIntExact(date.toEpochDay()), productId, sales, category, region,
                price, discount, rating);
    }

    /** Same as {@link #add(LocalDate, String, double, String, String, double, double, double)} by epoch day. */
    public SalesTableBuilder addEpochDay(int epochDay, String productId, double sales, String category, String region,
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
    public SalesTableBuilder extra(String column, String value) {
        return extra(extraColumn(column), value);
    }

    public SalesTableBuilder extra(int columnIndex, String value) {
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
