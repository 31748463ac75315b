package org.stockcast.retrainservice.retrain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveForecast;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.backtest.ForecastErrors;
import org.stockcast.model.backtest.Forecaster;
import org.stockcast.model.backtest.PointForecast;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * Stage "evaluate": rolling-origin backtest of the total series over its last days (additive refitted at each
 * cutoff, the new LSTM, their blend, seasonal-naive), and the blend weights the version will serve.
 * The LSTM is not retrained per cutoff (that would multiply the training time), so its score is in-sample
 * for the backtest window and flatters it; the report says so next to the figures.
 */
final class EvaluateStage {
    /** History the first cutoff needs before it, beyond the LSTM window: four weeks. */
    static final int MIN_HISTORY_DAYS = 28;

    record Outcome(Map<String, Object> backtest, EnsembleWeights weights, EnsembleWeights.Mode mode) {
    }

    private EvaluateStage() {
    }

    static int requiredDays(InventoryProperties.Evaluate settings, int lstmWindow) {
        return settings.coveredDays() + Math.max(MIN_HISTORY_DAYS, lstmWindow + 1);
    }

    static Outcome evaluate(DailySeries total, LstmForecaster lstm, AdditiveConfig additiveConfig,
                            InventoryProperties.Evaluate settings, EnsembleWeights.Mode mode,
                            RetrainProgress progress) {
        int required = requiredDays(settings, lstm.config().window());
        if (total.length() < required) {
            String why = String.format(Locale.ROOT, "total series has %d days, the backtest needs %d",
                    total.length(), required);
            progress.stage(Stage.EVALUATE, "Backtest skipped: " + why);
            Map<String, Object> backtest = new LinkedHashMap<>();
            backtest.put("skipped", why);
            return new Outcome(backtest, EnsembleWeights.DEFAULT, mode);
        }
        progress.stage(Stage.EVALUATE, String.format(Locale.ROOT,
                "Backtesting the last %d days of the total series (%d cutoffs, %d-day horizon)...",
                settings.coveredDays(), settings.cutoffs(), settings.horizon()));

        Forecaster additive = memoised(additiveForecaster(additiveConfig));
        Forecaster lstmForecaster = (history, horizon) -> PointForecast.of(lstm.forecast(history.values(), horizon));
        ForecastErrors additiveErrors = run(total, additive, settings);
        progress.stage(Stage.EVALUATE, "Additive model " + summary(additiveErrors));
        ForecastErrors lstmErrors = run(total, lstmForecaster, settings);
        progress.stage(Stage.EVALUATE, "LSTM " + summary(lstmErrors));

        EnsembleWeights weights = mode == EnsembleWeights.Mode.AUTO
                ? inverseErrorWeights(additiveErrors.mae(), lstmErrors.mae())
                : EnsembleWeights.DEFAULT;
        ForecastErrors ensembleErrors = run(total, blend(additive, lstmForecaster, weights), settings);
        progress.stage(Stage.EVALUATE, String.format(Locale.ROOT, "Ensemble (%.3f additive / %.3f LSTM, %s) %s",
                weights.additive(), weights.lstm(), mode.name().toLowerCase(Locale.ROOT), summary(ensembleErrors)));
        ForecastErrors naiveErrors = run(total, Backtest.seasonalNaive(settings.seasonality()), settings);
        progress.stage(Stage.EVALUATE, "Seasonal-naive baseline " + summary(naiveErrors));

        Map<String, Object> backtest = new LinkedHashMap<>();
        backtest.put("days", settings.coveredDays());
        backtest.put("cutoffs", settings.cutoffs());
        backtest.put("horizon", settings.horizon());
        backtest.put("points", additiveErrors.points());
        backtest.put("additive", errors(additiveErrors));
        backtest.put("lstm", errors(lstmErrors));
        backtest.put("ensemble", errors(ensembleErrors));
        backtest.put("seasonal_naive", errors(naiveErrors));
        return new Outcome(backtest, weights, mode);
    }

    private static ForecastErrors run(DailySeries total, Forecaster forecaster, InventoryProperties.Evaluate s) {
        return Backtest.evaluate(total, forecaster, s.cutoffs(), s.horizon(), s.step(), s.seasonality());
    }

    static Forecaster additiveForecaster(AdditiveConfig config) {
        return (history, horizon) -> {
            AdditiveForecast f = AdditiveModel.fit(history, config).predict(horizon);
            return new PointForecast(f.yhat(), f.lower(), f.upper());
        };
    }

    /** The ensemble backtest reuses the additive fits of the additive backtest (same cutoffs, same histories). */
    static Forecaster memoised(Forecaster forecaster) {
        Map<String, PointForecast> cache = new ConcurrentHashMap<>();
        return (history, horizon) -> cache.computeIfAbsent(
                history.start() + "/" + history.length() + "/" + horizon,
                k -> forecaster.forecast(history, horizon));
    }

    static Forecaster blend(Forecaster additive, Forecaster lstm, EnsembleWeights weights) {
        return (history, horizon) -> {
            double[] a = additive.forecast(history, horizon).yhat();
            double[] l = lstm.forecast(history, horizon).yhat();
            double[] y = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                y[i] = weights.additive() * a[i] + weights.lstm() * l[i];
            }
            return PointForecast.of(y);
        };
    }

    /**
     * Weights proportional to 1/error, rounded to 3 decimals and summing to 1. Falls back to the fixed default
     * when an error is not a finite non-negative number; a perfect model (error 0) takes all the weight.
     */
    static EnsembleWeights inverseErrorWeights(double additiveError, double lstmError) {
        if (!Double.isFinite(additiveError) || !Double.isFinite(lstmError) || additiveError < 0 || lstmError < 0
                || (additiveError == 0 && lstmError == 0)) {
            return EnsembleWeights.DEFAULT;
        }
        if (additiveError == 0) {
            return new EnsembleWeights(1.0, 0.0);
        }
        if (lstmError == 0) {
            return new EnsembleWeights(0.0, 1.0);
        }
        double a = 1.0 / additiveError;
        double l = 1.0 / lstmError;
        double wa = Math.round(a / (a + l) * 1000.0) / 1000.0;
        return new EnsembleWeights(wa, Math.round((1.0 - wa) * 1000.0) / 1000.0);
    }

    static Map<String, Object> errors(ForecastErrors e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mape", finiteOrNull(e.mape()));
        m.put("smape", finiteOrNull(e.smape()));
        m.put("mase", finiteOrNull(e.mase()));
        m.put("mae", finiteOrNull(e.mae()));
        m.put("rmse", finiteOrNull(e.rmse()));
        if (Double.isFinite(e.coverage())) {
            m.put("coverage", e.coverage());
        }
        return m;
    }

    /** JSON has no NaN; an undefined measure (e.g. MAPE over zero sales) is null. */
    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String summary(ForecastErrors e) {
        return String.format(Locale.ROOT, "MAPE %s, sMAPE %s, MASE %s", fmt(e.mape()), fmt(e.smape()), fmt(e.mase()));
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
