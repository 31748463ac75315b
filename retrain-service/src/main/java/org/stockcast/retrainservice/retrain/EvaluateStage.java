package org.stockcast.retrainservice.retrain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.backtest.HorizonBucket;
import org.stockcast.model.forecaster.PointForecast;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ensemble.BacktestPlan;
import org.stockcast.model.ensemble.BacktestReport;
import org.stockcast.model.ensemble.EnsembleBacktest;
import org.stockcast.model.ensemble.EnsembleCalibration;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.ensemble.HorizonWeights;
import org.stockcast.model.ensemble.Member;
import org.stockcast.model.ensemble.MemberForecasts;
import org.stockcast.model.ensemble.SeriesBacktest;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.ensemble.SeriesProfile;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * Stage "evaluate": the rolling-origin backtest of every member on the total, every category and region and a
 * sample of products (shared-model {@link EnsembleBacktest}), and from it the calibration the version serves:
 * horizon weights, interval bands and error paths per series ({@link EnsembleCalibration}). The LSTM scored here
 * is the holdout network, trained only on days before the short origins (see {@link LstmStage}).
 */
final class EvaluateStage {
    private static final Logger log = LoggerFactory.getLogger(EvaluateStage.class);

    record Outcome(Map<String, Object> report, Optional<EnsembleCalibration> calibration, EnsembleWeights.Mode mode,
                   List<SeriesBacktest> backtests) {
    }

    private EvaluateStage() {
    }

    static Outcome evaluate(SalesTable table, Optional<LstmForecaster> scoredLstm, Optional<LocalDate> lstmCut,
                            AdditiveConfig additiveConfig, InventoryProperties.Evaluate settings,
                            EnsembleWeights.Mode mode, RetrainProgress progress) {
        return evaluate(table, scoredLstm, lstmCut, additiveConfig, settings, mode, SeriesRules.DEFAULT, progress);
    }

    /** As above with the series built under {@code rules} (missing days are neither fitted nor scored). */
    static Outcome evaluate(SalesTable table, Optional<LstmForecaster> scoredLstm, Optional<LocalDate> lstmCut,
                            AdditiveConfig additiveConfig, InventoryProperties.Evaluate settings,
                            EnsembleWeights.Mode mode, SeriesRules rules, RetrainProgress progress) {
        BacktestPlan plan = settings.plan();
        Map<String, SalesFilter> keys = backtestedSeries(table, settings.maxProducts());
        progress.stage(Stage.EVALUATE, String.format(Locale.ROOT,
                "Backtesting %d series: weekly origins over the last %d days%s, long origins up to %d days ahead...",
                keys.size(), plan.holdoutDays(), scoredLstm.isPresent() ? " (LSTM trained before them)" : "",
                BacktestPlan.LONG_HORIZON));
        Map<Member, Forecaster> members = new EnumMap<>(Member.class);
        members.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(plan.seasonality()));
        members.put(Member.HOLT_WINTERS, MemberForecasts.holtWinters(plan.seasonality()));
        members.put(Member.INTERMITTENT, MemberForecasts.intermittent());
        scoredLstm.ifPresent(lstm -> members.put(Member.LSTM,
                (history, horizon) -> PointForecast.of(lstm.forecast(history.values(), horizon))));

        SeriesSource source = SeriesSource.of(table, rules);
        List<SeriesBacktest> backtests = keys.entrySet().parallelStream()
                .map(e -> backtest(source, e.getKey(), e.getValue(), plan, members, additiveConfig, lstmCut))
                .filter(Objects::nonNull)
                .toList();
        Optional<HorizonWeights> fixed = mode == EnsembleWeights.Mode.FIXED
                ? Optional.of(fixedWeights(scoredLstm.isPresent())) : Optional.empty();
        Optional<EnsembleCalibration> calibration = EnsembleCalibration.learn(backtests, settings.intervalWidth(),
                fixed);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("holdout_days", plan.holdoutDays());
        report.put("series_backtested", backtests.size());
        report.put("origins", backtests.stream().mapToInt(b -> b.origins().size()).sum());
        report.put("lstm_scored", scoredLstm.isPresent());
        if (calibration.isEmpty()) {
            String why = "no series has the " + (plan.minTrainingDays() + plan.step())
                    + " days a backtest origin needs";
            report.put("skipped", why);
            progress.stage(Stage.EVALUATE, "Backtest skipped: " + why + "; serving the additive model alone");
            return new Outcome(report, Optional.empty(), mode, backtests);
        }
        report.put("note", "out-of-sample member errors; the ensemble row uses weights and bands learned on these "
                + "same origins (the accuracy benchmark scores it on later data)");
        report.put("by_kind", BacktestReport.byKind(backtests, calibration.get()));
        for (String line : BacktestReport.summaryLines(backtests, calibration.get())) {
            progress.stage(Stage.EVALUATE, line);
        }
        return new Outcome(report, calibration, mode, backtests);
    }

    /** The weights the fixed mode serves: the old system's 0.6 / 0.4, all additive when the LSTM was not scored. */
    static HorizonWeights fixedWeights(boolean lstmScored) {
        EnsembleWeights w = EnsembleWeights.DEFAULT;
        return HorizonWeights.uniform(lstmScored ? Map.of(Member.ADDITIVE, w.additive(), Member.LSTM, w.lstm())
                : Map.of(Member.ADDITIVE, 1.0));
    }

    /** The total, every category and region, and up to {@code maxProducts} products spread over the id order. */
    static Map<String, SalesFilter> backtestedSeries(SalesTable table, int maxProducts) {
        Map<String, SalesFilter> keys = new LinkedHashMap<>();
        keys.put(SeriesKey.TOTAL, SalesFilter.ALL);
        table.categories().forEach(c -> keys.put(SeriesKey.category(c), SalesFilter.category(c)));
        table.regions().forEach(r -> keys.put(SeriesKey.region(r), SalesFilter.region(r)));
        List<String> products = new ArrayList<>(table.productIds());
        int every = Math.max(1, (int) Math.ceil(products.size() / (double) Math.max(1, maxProducts)));
        for (int i = 0; i < products.size(); i += every) {
            keys.put(SeriesKey.product(products.get(i)), SalesFilter.product(products.get(i)));
        }
        return keys;
    }

    private static SeriesBacktest backtest(SeriesSource source, String key, SalesFilter filter, BacktestPlan plan,
                                           Map<Member, Forecaster> others, AdditiveConfig additiveConfig,
                                           Optional<LocalDate> lstmCut) {
        Optional<DailySeries> series = source.dailySeries(filter);
        if (series.isEmpty()) {
            return null;
        }
        DailySeries s = series.get();
        int cut = lstmCut.map(c -> (int) Math.max(0, ChronoUnit.DAYS.between(s.start(), c) + 1)).orElse(0);
        Map<Member, Forecaster> members = new EnumMap<>(others);
        // point forecasts only (the backtest calibrates the blend's own interval), with the served seasonalities
        members.put(Member.ADDITIVE, AdditiveModel.backtestForecaster(additiveConfig.withInterval(
                additiveConfig.intervalWidth(), 0), s.length()));
        try {
            return EnsembleBacktest.run(key, s, plan, members, cut);
        } catch (RuntimeException e) {
            log.info("Backtest of {} skipped: {}", key, e.toString());
            return null;
        }
    }

    /**
     * manifest.json's {@code ensemble_weights}: the mode, the weights per horizon bucket pooled per series kind and
     * the total's own (every backtested series' own weights are in ensemble.json).
     */
    static Map<String, Object> weightsReport(Outcome outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", outcome.mode().name().toLowerCase(Locale.ROOT));
        outcome.calibration().ifPresentOrElse(c -> {
            SeriesProfile total = c.series().get(SeriesKey.TOTAL);
            if (total != null) {
                m.put("total", weights(total.weights()));
            }
            Map<String, Object> byKind = new LinkedHashMap<>();
            c.pooled().forEach((kind, profile) -> byKind.put(kind.name().toLowerCase(Locale.ROOT),
                    weights(profile.weights())));
            m.put("by_kind", byKind);
        }, () -> m.put("total", Map.of("all", Map.of("additive", 1.0))));
        return m;
    }

    private static Map<String, Object> weights(HorizonWeights weights) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (HorizonBucket bucket : HorizonBucket.values()) {
            Map<String, Object> members = new LinkedHashMap<>();
            for (Member member : Member.values()) {
                double w = weights.buckets().get(bucket).getOrDefault(member, 0.0);
                members.put(member.name().toLowerCase(Locale.ROOT), Math.round(w * 1000.0) / 1000.0);
            }
            out.put(bucket.label(), members);
        }
        return out;
    }

    /** JSON has no NaN; an undefined measure (e.g. MAPE over zero sales) is null. */
    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
