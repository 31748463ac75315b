package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.dataset.TestData;
import org.stockcast.model.lstm.LstmTrainer;
import org.stockcast.model.lstm.TrainingListener;
import org.stockcast.model.lstm.TrainingMode;

/**
 * How far an aggregate's forecast is from the sum of its members' forecasts: the bundled data, then the bundled
 * data with the P021/P022 sample on top. The ensemble is the calibrated one the retrain publishes, with the additive
 * and seasonal-naive members only (the LSTM, a tiny one here, is trained but gets no backtest weight), so the
 * figures show what the per-series fits and the aggregation rules do. Prints Markdown. From the repository root:
 * {@code MAVEN_OPTS=-Xmx1g mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.stockcast.model.ensemble.AggregateCoherenceBenchmark}
 */
public final class AggregateCoherenceBenchmark {
    private static final int[] HORIZONS = {7, 28, 91};

    private AggregateCoherenceBenchmark() {
    }

    public static void main(String[] args) {
        SalesTable bundled = TestData.ingest(TestData.bundledMaster());
        report("bundled data/master.csv", bundled);
        SalesTable sample = TestData.ingest(TestData.seed("sample_dataset_P021_P022.csv"));
        report("bundled + sample_dataset_P021_P022.csv",
                org.stockcast.model.master.MasterDataset.merge(bundled, sample).merged());
    }

    private static void report(String name, SalesTable table) {
        EnsembleModel model = calibrated(table);
        System.out.printf(Locale.ROOT, "%n%s (%d rows, %d products)%n%n", name, table.size(),
                table.productIds().size());
        System.out.println("| aggregate | members | horizon | aggregate forecast | sum of members' forecasts | "
                + "difference |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, SalesFilter> aggregates = new LinkedHashMap<>();
        aggregates.put("total", SalesFilter.ALL);
        table.categories().forEach(c -> aggregates.put("category " + c, SalesFilter.category(c)));
        for (Map.Entry<String, SalesFilter> aggregate : aggregates.entrySet()) {
            List<String> members = members(table, aggregate.getValue());
            for (int horizon : HORIZONS) {
                double whole = sum(model.forecast(aggregate.getValue(), horizon).orElseThrow().forecast());
                double parts = 0;
                for (String product : members) {
                    parts += sum(model.forecast(SalesFilter.product(product), horizon).orElseThrow().forecast());
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %+.1f %% |%n", aggregate.getKey(),
                        members.size(), horizon, whole, parts, 100 * (whole / parts - 1));
            }
        }
    }

    private static List<String> members(SalesTable table, SalesFilter filter) {
        List<String> out = new ArrayList<>();
        for (String product : table.productIds()) {
            for (int i = 0; i < table.size(); i++) {
                if (table.productId(i).equals(product)
                        && (filter.category() == null || filter.category().equals(table.category(i)))) {
                    out.add(product);
                    break;
                }
            }
        }
        return out;
    }

    /** Additive models, a tiny LSTM and the backtest calibration over every precomputed series, as a retrain does. */
    static EnsembleModel calibrated(SalesTable table) {
        AdditiveConfig config = AdditiveConfig.defaults();
        Map<String, FittedAdditiveModel> models = new LinkedHashMap<>();
        List<double[]> lstmSeries = new ArrayList<>();
        List<SeriesBacktest> backtests = new ArrayList<>();
        Map<Member, Forecaster> members = new EnumMap<>(Member.class);
        members.put(Member.ADDITIVE, AdditiveModel.forecaster(config.withInterval(0.8, 0)));
        members.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(7));
        BacktestPlan plan = new BacktestPlan(91, 7, 0, 91, 7, 56);
        for (Map.Entry<String, SalesFilter> key : SeriesKey.precomputed(table).entrySet()) {
            Optional<DailySeries> daily = table.dailySeries(key.getValue(), SeriesRules.DEFAULT);
            if (daily.isEmpty() || daily.get().length() < 28) {
                continue;
            }
            models.put(key.getKey(), AdditiveModel.fit(daily.get(), config));
            lstmSeries.add(daily.get().values());
            if (daily.get().length() > 200) {
                backtests.add(EnsembleBacktest.run(key.getKey(), daily.get(), plan, members, 0));
            }
        }
        var lstm = LstmTrainer.train(lstmSeries, TestVersions.tinyLstm(), TrainingMode.FULL, Optional.empty(),
                TrainingListener.NONE).forecaster();
        EnsembleCalibration calibration = EnsembleCalibration.learn(backtests, 0.8, Optional.empty()).orElseThrow();
        return new EnsembleModel(table, models, lstm, EnsembleWeights.DEFAULT, config, Optional.of(calibration),
                SeriesRules.DEFAULT);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

}
