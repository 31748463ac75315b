package org.stockcast.model.ensemble;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stockcast.model.coldstart.ColdStartForecaster;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.stock.ErrorPaths;

/**
 * The series the regular ensemble must not forecast: a history with no sale at all (all zero or all missing: a
 * product before its launch) is forecast as 0, and one shorter than {@link ColdStartForecaster#MIN_HISTORY_DAYS}
 * (a new product) by {@link ColdStartForecaster}; both say so in the forecast's warnings.
 */
final class SparseHistory {
    private SparseHistory() {
    }

    /** Empty when the regular ensemble should forecast this history. */
    static Optional<EnsembleForecast> forecast(SalesTable dataset, SalesFilter filter, DailySeries history,
                                               SeriesRules rules, LstmForecaster lstm, double intervalWidth,
                                               int days) {
        int known = 0;
        boolean anySale = false;
        for (double v : history.values()) {
            if (!Double.isNaN(v)) {
                known++;
                anySale |= v > 0;
            }
        }
        if (!anySale) {
            double[] zeros = new double[days];
            String what = known == 0 ? "missing" : known == history.length() ? "zero"
                    : "zero or missing";
            String warning = String.format(Locale.ROOT, "All %d days of history (%s to %s) are %s: the forecast is "
                    + "0 until sales are reported.", history.length(), history.start(), history.end(), what);
            return Optional.of(new EnsembleForecast(history.end().plusDays(1), zeros, zeros, zeros, zeros, zeros,
                    null, ErrorPaths.NONE, history, List.of(warning)));
        }
        if (!ColdStartForecaster.isSparse(history)) {
            return Optional.empty();
        }
        Optional<String> category = filter.productId() != null && filter.category() == null
                && filter.region() == null ? categoryOf(dataset, filter.productId()) : Optional.empty();
        Optional<DailySeries> reference = category.flatMap(c -> rules.series(dataset, SalesFilter.category(c)))
                .filter(s -> !ColdStartForecaster.isSparse(s));
        ColdStartForecaster.Forecast cold = ColdStartForecaster.forecast(history, reference, days, intervalWidth);
        String shape = cold.shapeFromReference() ? "the weekly shape of category " + category.orElseThrow()
                : "no weekly shape (no category with sales on " + ColdStartForecaster.MIN_HISTORY_DAYS + " days)";
        String warning = String.format(Locale.ROOT, "New series: only %d days of history (fewer than %d), so no "
                        + "trend is extrapolated; level %.1f/day from its own recent mean, %s; the interval is wider "
                        + "than usual.", history.length(), ColdStartForecaster.MIN_HISTORY_DAYS, cold.level(), shape);
        return Optional.of(new EnsembleForecast(cold.start(), cold.forecast(), cold.lower(), cold.upper(),
                cold.forecast(), lstm.forecast(history.values(), days), null, ErrorPaths.NONE, history,
                List.of(warning)));
    }

    /** The category of the product's newest row that has one. */
    static Optional<String> categoryOf(SalesTable dataset, String productId) {
        String category = null;
        int newest = Integer.MIN_VALUE;
        for (int i = 0; i < dataset.size(); i++) {
            if (productId.equals(dataset.productId(i)) && dataset.category(i) != null
                    && dataset.epochDay(i) >= newest) {
                newest = dataset.epochDay(i);
                category = dataset.category(i);
            }
        }
        return Optional.ofNullable(category);
    }
}
