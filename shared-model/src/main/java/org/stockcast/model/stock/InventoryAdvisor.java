package org.stockcast.model.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.stockcast.model.dataset.DailySeries;

/**
 * Reorder point, safety stock, min/max, fill rate and order warnings from the forecast's predictive distribution of
 * demand ({@link DemandDistribution}; formulas in docs/forecast-service.md):
 * <pre>
 *   reorder point = p-quantile of demand over the lead time            (p = cycle service level)
 *   safety stock  = reorder point - mean demand over the lead time
 *   minimum       = safety stock
 *   maximum       = p-quantile of demand over the lead time + review period (order-up-to level)
 *   fill rate     = 1 - E[(demand over lead time + review - maximum)+] / mean demand over a review period
 * </pre>
 * With a lead-time standard deviation the demand is a mixture over whole lead times ({@link ProtectionDemand}).
 * With packs of more than one unit the maximum is lowered so that orders rounded up to whole packs, which leave the
 * stock up to a pack above it, still give the service level asked for and not more ({@link RoundedOrders}); a
 * minimum order above a review's demand spreads the stock the same way, over up to the minimum order; the fill rate
 * averages over the same span.
 * The reorder point is for stock checked daily; checked only every review period, stock can fall a review period's
 * demand below it before anyone looks, so the level that protects a periodic review is the maximum: order up to it
 * at every review.
 */
public final class InventoryAdvisor {
    static final int VARIABILITY_WINDOW_DAYS = 182;
    static final int SEASON_DAYS = 7;
    static final int RECENT_DAYS = 28;
    /** Forecast mean this much above/below the recent mean is reported as a demand change. */
    static final double TREND_THRESHOLD = 0.25;

    private InventoryAdvisor() {
    }

    /** Advice without backtest error paths: normal daily noise around the forecast ({@link NoiseDemand}). */
    public static InventoryAdvice advise(DailySeries history, double[] forecast, InventoryPolicy policy,
                                         OptionalDouble currentStock) {
        return advise(history, forecast, NoiseDemand.of(history, forecast), policy, currentStock);
    }

    public static InventoryAdvice advise(DailySeries history, double[] forecast, DemandDistribution demand,
                                         InventoryPolicy policy, OptionalDouble currentStock) {
        validate(forecast, currentStock);
        double p = policy.serviceLevel();
        ProtectionDemand leadTime = ProtectionDemand.over(demand, policy.leadTimeDays(), policy.leadTimeStdDays(), 0);
        ProtectionDemand protection = ProtectionDemand.over(demand, policy.leadTimeDays(), policy.leadTimeStdDays(),
                policy.reviewPeriodDays());
        double reorderPoint = leadTime.quantile(p);
        double leadTimeDemand = leadTime.mean();
        double safetyStock = Math.max(0, reorderPoint - leadTimeDemand);
        double pack = policy.packSize();
        double span = RoundedOrders.span(demand, policy.reviewPeriodDays(), pack, policy.minOrderQty());
        double maximum = Math.max(reorderPoint, RoundedOrders.target(protection, p, span));
        double reviewDemand = DailyMean.over(forecast, policy.leadTimeDays(), Math.max(1, policy.reviewPeriodDays()));
        double fillRate = reviewDemand > 0
                ? Math.max(0, 1 - RoundedOrders.averageShortage(protection, maximum, span) / reviewDemand) : 1;
        String inPacks = pack > 1 ? String.format(Locale.ROOT, " in whole packs of %s", units(pack)) : "";
        Double daysLeft = currentStock.isPresent() ? daysOfStock(currentStock.getAsDouble(), forecast) : null;
        Double suggested = null;

        List<String> warnings = new ArrayList<>();
        if (currentStock.isPresent()) {
            double stock = currentStock.getAsDouble();
            boolean urgent = stock <= safetyStock || daysLeft != null && daysLeft < policy.leadTimeDays();
            suggested = urgent || stock <= reorderPoint ? policy.orderQuantity(maximum - stock) : 0.0;
            long order = Math.round(suggested);
            String lasts = daysLeft == null ? "no forecast demand to use it up"
                    : "about " + days(daysLeft) + " of demand";
            // rounded to the order rules, the order overshoots the maximum: say where it leaves the stock
            String after = suggested > 0 && (pack > 1 || policy.minOrderQty() > 0) ? String.format(Locale.ROOT,
                    "; stock plus this order: %s units", units(stock + suggested)) : "";
            if (urgent) {
                warnings.add(String.format(Locale.ROOT, "URGENT: only %s units in stock (%s) and a new delivery "
                                + "takes %d days; order %d units now to get back to the maximum level of %s units%s.",
                        units(stock), lasts, policy.leadTimeDays(), order, units(maximum), after));
            } else if (stock <= reorderPoint) {
                warnings.add(String.format(Locale.ROOT, "We need to order %d units because stock (%s units) has "
                                + "reached the reorder point of %s units (%s units expected over the %d-day lead "
                                + "time plus %s units safety stock)%s.",
                        order, units(stock), units(reorderPoint), units(leadTimeDemand), policy.leadTimeDays(),
                        units(safetyStock), after));
            } else {
                warnings.add(String.format(Locale.ROOT, "Stock is healthy: %s units, %s; reorder when it falls to "
                        + "%s units.", units(stock), lasts, units(reorderPoint)));
            }
        } else {
            warnings.add(String.format(Locale.ROOT, "No current stock given: reorder when stock falls to %s units "
                            + "(%s units expected over the %d-day lead time plus %s units safety stock) and order "
                            + "up to %s units%s.%s", units(reorderPoint), units(leadTimeDemand),
                    policy.leadTimeDays(), units(safetyStock), units(maximum), inPacks,
                    policy.reviewPeriodDays() > 1 ? String.format(Locale.ROOT,
                            " Checking stock only every %d days, order up to %s units%s at every check.",
                            policy.reviewPeriodDays(), units(maximum), inPacks) : ""));
        }
        demandChange(history.values(), forecast).ifPresent(warnings::add);
        return new InventoryAdvice(reorderPoint, safetyStock, safetyStock, maximum, daysLeft, List.copyOf(warnings),
                p, fillRate, suggested);
    }

    private static void validate(double[] forecast, OptionalDouble currentStock) {
        if (forecast.length == 0) {
            throw new IllegalArgumentException("empty forecast");
        }
        if (currentStock.isPresent() && !(currentStock.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("current stock must be >= 0");
        }
    }

    /**
     * Daily demand noise: std dev of week-on-week differences / sqrt(2) over the recent window; with under three
     * weeks of history, the plain std dev (which overstates noise by any pattern, erring on the safe side).
     */
    static double dailyVariability(double[] history) {
        // missing days (NaN) are left out: a pair with a missing day says nothing about the noise
        int from = Math.max(0, history.length - VARIABILITY_WINDOW_DAYS);
        int n = history.length - from;
        if (n >= 3 * SEASON_DAYS) {
            double[] diffs = new double[n - SEASON_DAYS];
            int k = 0;
            for (int i = 0; i < diffs.length; i++) {
                double d = history[from + i + SEASON_DAYS] - history[from + i];
                if (!Double.isNaN(d)) {
                    diffs[k++] = d;
                }
            }
            if (k >= 2 * SEASON_DAYS) {
                return stdDev(diffs, 0, k) / Math.sqrt(2);
            }
        }
        double[] known = java.util.Arrays.stream(history, from, history.length).filter(v -> !Double.isNaN(v))
                .toArray();
        return known.length >= 2 ? stdDev(known, 0, known.length) : 0;
    }

    static double stdDev(double[] values, int from, int n) {
        double mean = 0;
        for (int i = from; i < from + n; i++) {
            mean += values[i];
        }
        mean /= n;
        double squares = 0;
        for (int i = from; i < from + n; i++) {
            squares += (values[i] - mean) * (values[i] - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** Fractional days until cumulative forecast demand reaches the stock; null when demand is zero for ever. */
    static Double daysOfStock(double stock, double[] forecast) {
        double used = 0;
        for (int i = 0; i < forecast.length; i++) {
            if (used + forecast[i] >= stock) {
                return forecast[i] == 0 ? (double) i : i + (stock - used) / forecast[i];
            }
            used += forecast[i];
        }
        double rate = DailyMean.known(forecast);
        return rate > 0 ? forecast.length + (stock - used) / rate : null;
    }

    private static java.util.Optional<String> demandChange(double[] history, double[] forecast) {
        int recent = Math.min(RECENT_DAYS, history.length);
        double before = mean(history, history.length - recent, recent);
        double ahead = DailyMean.known(forecast);
        if (recent == 0 || before <= 0) {
            return java.util.Optional.empty();
        }
        double change = ahead / before - 1;
        if (Math.abs(change) < TREND_THRESHOLD) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT,
                "Demand is forecast to %s by %.0f%% over the next %d days (%s units/day) compared with the last %d "
                        + "days (%s units/day).", change > 0 ? "rise" : "fall", Math.abs(change) * 100,
                forecast.length, units(ahead), recent, units(before)));
    }

    /** Mean of the known (not NaN) values of [from, from + n); 0 when none is known. */
    private static double mean(double[] values, int from, int n) {
        double sum = 0;
        int known = 0;
        for (int i = from; i < from + n; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                known++;
            }
        }
        return known == 0 ? 0 : sum / known;
    }

    private static String units(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String days(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f days", value)
                : String.format(Locale.ROOT, "%.1f days", value);
    }
}
