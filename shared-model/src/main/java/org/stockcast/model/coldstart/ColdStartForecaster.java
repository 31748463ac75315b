package org.stockcast.model.coldstart;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.stock.NormalQuantile;

/**
 * Forecast for a series with too little history for the ensemble (a new product): no trend is extrapolated, since
 * a line through a few days says nothing about the next months (three launch days of P021 once became a forecast
 * of 4x its sales within 30 days). Instead:
 * <ul>
 * <li>weekly shape: day-of-week factors (mean 1) from the last {@link #SHAPE_WEEKS} weeks of a longer reference
 * series (its category), when there is one with sales on at least {@link #MIN_HISTORY_DAYS} days, shrunk towards
 * flat by weeks / (weeks + {@link #SHRINK_WEEKS}) and kept within [1/3, 3]; else flat;</li>
 * <li>level: the mean of the series' own last {@link #LEVEL_DAYS} known days, each divided by its day's factor;</li>
 * <li>forecast = level x factor of the day; interval = forecast +- z x spread x sqrt(1 + 1/n) x
 * sqrt(1 + h / 28) x {@link #WIDEN}, where spread is the larger of the days' own standard deviation and
 * {@link #MIN_RELATIVE_SPREAD} of the level (a few days cannot show the real noise): the level's own uncertainty
 * (1/n), growing with the horizon h, and half as wide again as a normal interval would be.</li>
 * </ul>
 */
public final class ColdStartForecaster {
    /** Below this many days of history (about four weeks) a series is forecast here. */
    public static final int MIN_HISTORY_DAYS = 28;
    static final int LEVEL_DAYS = 14;
    static final int SHAPE_WEEKS = 8;
    static final double WIDEN = 1.5;
    static final double MIN_RELATIVE_SPREAD = 0.2;
    /** Day-of-week factors are kept within [1/3, 3] so one odd week in the reference cannot zero a weekday. */
    static final double MAX_FACTOR = 3;
    /** Weeks of evidence at which the reference's shape counts half: the shape is shrunk towards flat by it. */
    static final double SHRINK_WEEKS = 2;

    /** Point forecast and interval from the day after the history; {@code weeklyShape} is what was used. */
    public record Forecast(LocalDate start, double[] forecast, double[] lower, double[] upper, double level,
                           double[] weeklyShape, boolean shapeFromReference) {
    }

    private ColdStartForecaster() {
    }

    /** Whether a series is too short for the regular models. */
    public static boolean isSparse(DailySeries history) {
        return history.length() < MIN_HISTORY_DAYS;
    }

    /**
     * @param reference a longer series whose weekly shape the new one is assumed to share (its category)
     * @param intervalWidth coverage of the interval, e.g. 0.8
     */
    public static Forecast forecast(DailySeries history, Optional<DailySeries> reference, int days,
                                    double intervalWidth) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, was " + days);
        }
        Optional<double[]> shape = reference.flatMap(ColdStartForecaster::weeklyShape);
        double[] factors = shape.orElseGet(ColdStartForecaster::flat);
        double[] values = history.values();
        int from = Math.max(0, values.length - LEVEL_DAYS);
        double sum = 0;
        int n = 0;
        for (int i = from; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i] / factors[dayIndex(history.date(i))];
                n++;
            }
        }
        double level = n == 0 ? 0 : sum / n;
        double squares = 0;
        for (int i = from; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                double d = values[i] / factors[dayIndex(history.date(i))] - level;
                squares += d * d;
            }
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double spread = Math.max(sd, MIN_RELATIVE_SPREAD * level);
        double z = NormalQuantile.of(0.5 + intervalWidth / 2);
        LocalDate start = history.end().plusDays(1);
        double[] forecast = new double[days];
        double[] lower = new double[days];
        double[] upper = new double[days];
        for (int d = 0; d < days; d++) {
            double factor = factors[dayIndex(start.plusDays(d))];
            double point = level * factor;
            double half = z * spread * factor * Math.sqrt(1 + 1.0 / Math.max(1, n))
                    * Math.sqrt(1 + (d + 1) / (double) MIN_HISTORY_DAYS) * WIDEN;
            forecast[d] = point;
            lower[d] = Math.max(0, point - half);
            upper[d] = point + half;
        }
        return new Forecast(start, forecast, lower, upper, level, factors.clone(), shape.isPresent());
    }

    /**
     * Mean of each weekday over the reference's last {@link #SHAPE_WEEKS} weeks divided by their overall mean
     * (index 0 = Monday); empty when the reference sold on fewer than {@link #MIN_HISTORY_DAYS} days or on no
     * day of some weekday there.
     */
    static Optional<double[]> weeklyShape(DailySeries reference) {
        double[] values = reference.values();
        int selling = 0;
        for (double v : values) {
            if (v > 0) {
                selling++;
            }
        }
        // Days with sales, not days with a value: a category made of the new product's own few days and another
        // launch, with zeros between, once showed a "Monday x3" shape that tripled every Monday's forecast.
        if (selling < MIN_HISTORY_DAYS) {
            return Optional.empty();
        }
        int from = Math.max(0, values.length - 7 * SHAPE_WEEKS);
        double[] sums = new double[7];
        int[] counts = new int[7];
        for (int i = from; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                int day = dayIndex(reference.date(i));
                sums[day] += values[i];
                counts[day]++;
            }
        }
        double[] means = new double[7];
        double overall = 0;
        for (int day = 0; day < 7; day++) {
            if (counts[day] == 0) {
                return Optional.empty();
            }
            means[day] = sums[day] / counts[day];
            overall += means[day] / 7;
        }
        if (!(overall > 0)) {
            return Optional.empty();
        }
        // A sparse or noisy reference (a category of a few erratic products) shows a weekly "shape" that is
        // mostly noise; shrink it towards flat by how many weeks of evidence it has (8 full weeks: 0.8).
        double weeks = (values.length - from) / 7.0;
        double weight = weeks / (weeks + SHRINK_WEEKS);
        double[] factors = new double[7];
        for (int day = 0; day < 7; day++) {
            double shrunk = 1 + weight * (means[day] / overall - 1);
            factors[day] = Math.min(MAX_FACTOR, Math.max(1 / MAX_FACTOR, shrunk));
        }
        return Optional.of(factors);
    }

    private static double[] flat() {
        return new double[] {1, 1, 1, 1, 1, 1, 1};
    }

    private static int dayIndex(LocalDate date) {
        return date.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
    }
}
