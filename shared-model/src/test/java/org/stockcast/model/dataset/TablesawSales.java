package org.stockcast.model.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * The master dataset's operations written on Tablesaw (issue 13): a sales table as a Tablesaw {@link Table} with
 * the known columns typed and extra columns as text, the merge (dedupe by date + product_id, newest wins, extra
 * columns of both kept), the filters and the daily sums. Only for {@link TablesawComparisonBenchmark}.
 */
final class TablesawSales {
    private static final String DATE = "date";
    private static final String PRODUCT = "product_id";
    private static final String SALES = "sales";

    private TablesawSales() {
    }

    /** The same rows in a Tablesaw table (missing text as Tablesaw's missing string, missing numbers as NaN). */
    static Table of(SalesTable table) {
        int n = table.size();
        DateColumn dates = DateColumn.create(DATE);
        StringColumn products = StringColumn.create(PRODUCT);
        StringColumn categories = StringColumn.create("category");
        StringColumn regions = StringColumn.create("region");
        DoubleColumn sales = DoubleColumn.create(SALES, table.salesColumn());
        DoubleColumn prices = DoubleColumn.create("price", table.priceColumn());
        DoubleColumn discounts = DoubleColumn.create("discount", table.discountColumn());
        DoubleColumn ratings = DoubleColumn.create("rating", table.ratingColumn());
        for (int i = 0; i < n; i++) {
            dates.append(table.date(i));
            products.append(table.productId(i));
            appendText(categories, table.category(i));
            appendText(regions, table.region(i));
        }
        Table result = Table.create("sales", dates, products, categories, regions, sales, prices, discounts, ratings);
        for (String extra : table.extraColumns()) {
            StringColumn column = StringColumn.create(extra);
            for (int i = 0; i < n; i++) {
                appendText(column, table.extra(extra, i));
            }
            result.addColumns(column);
        }
        return result;
    }

    /**
     * Rows of both keyed by (date, product_id); an uploaded row replaces the master's (the last of duplicates in
     * the upload wins), extra columns of both are kept. Replaced rows move to the end (Tablesaw drops and appends).
     */
    static Table merge(Table master, Table upload) {
        StringColumn uploadKeys = keys(upload);
        Set<String> uploaded = new HashSet<>();
        Selection winners = new BitmapBackedSelection();
        for (int i = upload.rowCount() - 1; i >= 0; i--) {
            if (uploaded.add(uploadKeys.get(i))) {
                winners.add(i);
            }
        }
        Table kept = master.dropWhere(keys(master).isIn(uploaded));
        Table added = upload.where(winners);
        List<String> names = new ArrayList<>(kept.columnNames());
        for (String name : added.columnNames()) {
            if (!kept.containsColumn(name)) {
                kept.addColumns(missingText(name, kept.rowCount()));
                names.add(name);
            }
        }
        for (String name : names) {
            if (!added.containsColumn(name)) {
                added.addColumns(missingText(name, added.rowCount()));
            }
        }
        return kept.append(added.selectColumns(names.toArray(new String[0])));
    }

    /** Daily sum of sales over the matching rows, first to last matching date, absent days 0. */
    static Optional<DailySeries> dailySeries(Table table, SalesFilter filter) {
        Selection selection = Selection.withRange(0, table.rowCount());
        selection = and(selection, filter.productId(), table.stringColumn(PRODUCT));
        selection = and(selection, filter.category(), table.stringColumn("category"));
        selection = and(selection, filter.region(), table.stringColumn("region"));
        // NaN compares false, so a missing value never satisfies a bound (as in SalesTable).
        if (filter.minRating() != null) {
            selection = selection.and(table.doubleColumn("rating").isGreaterThanOrEqualTo(filter.minRating()));
        }
        if (filter.maxPrice() != null) {
            selection = selection.and(table.doubleColumn("price").isLessThanOrEqualTo(filter.maxPrice()));
        }
        if (filter.minDiscount() != null) {
            selection = selection.and(table.doubleColumn("discount").isGreaterThanOrEqualTo(filter.minDiscount()));
        }
        Table matching = table.where(selection);
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        Table sums = matching.summarize(SALES, AggregateFunctions.sum).by(DATE).sortOn(DATE);
        DateColumn days = sums.dateColumn(DATE);
        DoubleColumn totals = sums.doubleColumn(1);
        LocalDate first = days.get(0);
        int length = (int) (days.get(days.size() - 1).toEpochDay() - first.toEpochDay() + 1);
        double[] values = new double[length];
        for (int i = 0; i < days.size(); i++) {
            values[(int) (days.get(i).toEpochDay() - first.toEpochDay())] = totals.getDouble(i);
        }
        return Optional.of(new DailySeries(first, values));
    }

    private static Selection and(Selection selection, String wanted, StringColumn column) {
        return wanted == null ? selection : selection.and(column.isEqualTo(wanted));
    }

    private static StringColumn keys(Table table) {
        DateColumn dates = table.dateColumn(DATE);
        StringColumn products = table.stringColumn(PRODUCT);
        StringColumn keys = StringColumn.create("key");
        for (int i = 0; i < table.rowCount(); i++) {
            keys.append(products.get(i) + '|' + dates.getIntInternal(i));
        }
        return keys;
    }

    private static Column<String> missingText(String name, int rows) {
        StringColumn column = StringColumn.create(name);
        for (int i = 0; i < rows; i++) {
            column.appendMissing();
        }
        return column;
    }

    private static void appendText(StringColumn column, String value) {
        if (value == null) {
            column.appendMissing();
        } else {
            column.append(value);
        }
    }
}
