package org.stockcast.model.stock;

import java.util.ArrayList;
import java.util.List;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.dataset.DailySeries;

/**
 * What the simulated buyer knows at each review: the history up to that day, a forecast made from it, and the
 * out-of-sample error paths of the forecasts made at the previous {@link #ORIGINS} weekly origins (actual - forecast
 * for the days already observed, up to {@link #HORIZON}), as the served ensemble carries its backtest's paths. The
 * forecast is the equal-weight blend of the additive model (fitted on the last three years, as the retrain's
 * Holt-Winters and SBA are) and seasonal-naive, clamped at 0: two of the ensemble's members, cheap enough to refit
 * at every review of every series. Origins before the first review warm the paths up on the training part.
 */
final class ReviewForecasts {
    static final int HORIZON = 28;
    static final int ORIGINS = 16;
    static final int FIT_DAYS = 1095;
    static final int SEASON = 7;
    private static final AdditiveConfig ADDITIVE = AdditiveConfig.defaults().withInterval(0.8, 20);

    /** One review: history up to the review day, the forecast from it, the error paths known by then. */
    record Review(DailySeries history, double[] forecast, double[][] errorPaths) {
    }

    private ReviewForecasts() {
    }

    /** Reviews at days first, first + step, ... (count of them), with ORIGINS warm-up origins before. */
    static List<Review> of(DailySeries series, int first, int step, int count) {
        double[] y = series.values();
        List<double[]> forecasts = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        List<Review> reviews = new ArrayList<>();
        for (int k = -ORIGINS; k < count; k++) {
            int day = first + k * step;
            double[] forecast = forecast(series.head(day));
            if (k >= 0) {
                reviews.add(new Review(series.head(day), forecast, paths(y, day, origins, forecasts)));
            }
            origins.add(day);
            forecasts.add(forecast);
        }
        return reviews;
    }

    static double[] forecast(DailySeries history) {
        double[] additive = AdditiveModel.fit(history.tail(FIT_DAYS), ADDITIVE).predict(HORIZON).yhat();
        double[] naive = Backtest.seasonalNaive(history.values(), HORIZON, SEASON);
        double[] blend = new double[HORIZON];
        for (int d = 0; d < HORIZON; d++) {
            blend[d] = Math.max(0, (additive[d] + naive[d]) / 2);
        }
        return blend;
    }

    private static double[][] paths(double[] y, int day, List<Integer> origins, List<double[]> forecasts) {
        int from = Math.max(0, origins.size() - ORIGINS);
        double[][] paths = new double[origins.size() - from][];
        for (int i = from; i < origins.size(); i++) {
            int origin = origins.get(i);
            double[] path = new double[Math.min(HORIZON, day - origin)];
            for (int d = 0; d < path.length; d++) {
                path[d] = y[origin + d] - forecasts.get(i)[d];
            }
            paths[i - from] = path;
        }
        return paths;
    }
}
