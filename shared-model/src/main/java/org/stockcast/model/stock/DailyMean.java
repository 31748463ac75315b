package org.stockcast.model.stock;

/** Forecast demand summed over days, past the horizon each day counting as the forecast's mean. */
final class DailyMean {
    private DailyMean() {
    }

    /** Forecast demand over days [from, from + n). */
    static double over(double[] forecast, int from, int n) {
        double mean = known(forecast);
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += i < forecast.length ? forecast[i] : mean;
        }
        return sum;
    }

    /** Mean of the known (not NaN) values; 0 when none is known. */
    static double known(double[] values) {
        double sum = 0;
        int known = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                known++;
            }
        }
        return known == 0 ? 0 : sum / known;
    }
}
