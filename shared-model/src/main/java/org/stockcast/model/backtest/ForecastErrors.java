package org.stockcast.model.backtest;

import java.util.List;
import org.stockcast.model.forecaster.PointForecast;

/**
 * Error measures over all backtest points. MAPE and sMAPE are in percent. MAPE skips days whose actual is 0
 * (undefined there; NaN if every actual is 0). sMAPE = 200 |f - a| / (|a| + |f|), counted as 0 when both are 0.
 * MASE = mean |error| / in-sample seasonal-naive MAE of each origin's history; origins with a zero scale
 * (a history that repeats exactly) are left out, NaN if none is left. Coverage is the fraction (0..1) of actuals
 * inside [lower, upper], NaN for forecasters without intervals. Missing (NaN) actuals are not scored.
 */
public record ForecastErrors(double mae, double rmse, double mape, double smape, double mase, double coverage,
                             int points) {

    static ForecastErrors of(List<Backtest.Fold> folds) {
        double absSum = 0;
        double sqSum = 0;
        double apeSum = 0;
        int apeCount = 0;
        double smapeSum = 0;
        double scaledSum = 0;
        int scaledCount = 0;
        int covered = 0;
        int intervalPoints = 0;
        int points = 0;
        for (Backtest.Fold fold : folds) {
            double[] actual = fold.actual();
            PointForecast f = fold.forecast();
            boolean hasInterval = f.lower() != null && f.upper() != null;
            for (int i = 0; i < actual.length; i++) {
                double a = actual[i];
                if (Double.isNaN(a)) {
                    continue; // a missing day is not scored
                }
                double e = f.yhat()[i] - a;
                double abs = Math.abs(e);
                absSum += abs;
                sqSum += e * e;
                if (a != 0) {
                    apeSum += abs / Math.abs(a);
                    apeCount++;
                }
                double denominator = Math.abs(a) + Math.abs(f.yhat()[i]);
                smapeSum += denominator == 0 ? 0 : 2 * abs / denominator;
                if (fold.naiveScale() > 0) {
                    scaledSum += abs / fold.naiveScale();
                    scaledCount++;
                }
                if (hasInterval) {
                    intervalPoints++;
                    if (a >= f.lower()[i] && a <= f.upper()[i]) {
                        covered++;
                    }
                }
                points++;
            }
        }
        if (points == 0) {
            throw new IllegalArgumentException("no backtest points");
        }
        return new ForecastErrors(absSum / points, Math.sqrt(sqSum / points),
                apeCount == 0 ? Double.NaN : 100 * apeSum / apeCount, 100 * smapeSum / points,
                scaledCount == 0 ? Double.NaN : scaledSum / scaledCount,
                intervalPoints == 0 ? Double.NaN : (double) covered / intervalPoints, points);
    }
}
