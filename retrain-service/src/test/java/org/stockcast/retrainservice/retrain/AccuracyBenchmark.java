package org.stockcast.retrainservice.retrain;

import static org.stockcast.model.ensemble.EnsembleCalibration.BandLevel.NOMINAL;
import static org.stockcast.model.ensemble.EnsembleCalibration.BandLevel.ORIGIN;
import static org.stockcast.model.ensemble.EnsembleCalibration.BandSource.KIND;
import static org.stockcast.model.ensemble.EnsembleCalibration.BandSource.RESCALED;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.backtest.HorizonBucket;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ensemble.EnsembleCalibration;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.ensemble.HorizonWeights;
import org.stockcast.model.ensemble.Member;
import org.stockcast.model.ensemble.MemberForecasts;
import org.stockcast.model.ensemble.OriginForecasts;
import org.stockcast.model.ensemble.SeriesBacktest;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.lstm.EpochProgress;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.lstm.Rollout;
import org.stockcast.model.lstm.TrainingMode;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.store.ModelStore;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * Out-of-sample accuracy of what the service serves. For each dataset and each outer cutoff (Prophet's
 * cross-validation protocol, initial 730 / period 180 / horizon 365 days, where the series is long enough; a
 * quarter-horizon protocol otherwise), the retrain stages run exactly as the service runs them on the data up to
 * the cutoff (additive fits, the LSTM's holdout and served lineages fine-tuned from the previous cutoff's version,
 * the evaluate stage's inner backtest, publish), then the published version forecasts every scored series and is
 * scored on the days after the cutoff, which nothing saw. Prints Markdown: MASE per horizon bucket of the ensemble
 * and of each of its parts, and the 80% interval's coverage.
 *
 * <p>Run from the repository root: {@code retrain-service/bench/accuracy-benchmark.sh [pharma] [bundled] [bike]
 * [seed]}.
 */
public final class AccuracyBenchmark {
    private static final PrintStream OUT = System.out;
    private static final String[] PARTS = {"ensemble", "additive", "lstm", "seasonal_naive", "holt_winters",
            "intermittent"};
    private static final int MAX_PRODUCTS_SCORED = 8;
    private static final int MAX_CUTOFFS = 6;

    private record Row(LocalDate date, String product, double sales, String category, String region) {
    }

    private record Protocol(int initial, int period, int horizon) {
    }

    /** Per scored series: bucket -> part -> [sum |error| / scale, points]; and interval hits. */
    private static final class Score {
        final Map<HorizonBucket, Map<String, double[]>> mase = new EnumMap<>(HorizonBucket.class);
        final Map<HorizonBucket, double[]> coverage = new EnumMap<>(HorizonBucket.class);
        /** bucket -> [sum of interval width / scale, points]: how wide the bands are for their coverage. */
        final Map<HorizonBucket, double[]> width = new EnumMap<>(HorizonBucket.class);
        /** Per outer cutoff [interval hits, points]: a cutoff's days share its errors, so it is the sampling unit. */
        final List<double[]> cutoffCoverage = new ArrayList<>();
        /** Days below the interval and days above it: which side an interval misses on. */
        final double[] misses = new double[2];

        void add(HorizonBucket bucket, String part, double error) {
            double[] acc = mase.computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                    .computeIfAbsent(part, p -> new double[2]);
            acc[0] += error;
            acc[1]++;
        }

        void covered(HorizonBucket bucket, boolean inside) {
            double[] acc = coverage.computeIfAbsent(bucket, b -> new double[2]);
            acc[0] += inside ? 1 : 0;
            acc[1]++;
        }

        void width(HorizonBucket bucket, double scaledWidth) {
            double[] acc = width.computeIfAbsent(bucket, b -> new double[2]);
            acc[0] += scaledWidth;
            acc[1]++;
        }
    }

    private AccuracyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path shared = Files.isDirectory(Path.of("../shared")) ? Path.of("../shared") : Path.of("/work/shared");
        List<String> which = args.length > 0 ? List.of(args) : List.of("pharma", "bundled", "bike", "seed");
        OUT.printf(Locale.ROOT, "JVM %s, %d cores, load average %.1f at start%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int met = 0;
        int cells = 0;
        for (String name : which) {
            List<Row> rows = switch (name) {
                case "pharma" -> pharma(shared.resolve("data/real/pharma-salesdaily.csv"));
                case "bundled" -> longCsv(Path.of("data/master.csv"));
                case "bike" -> bike(shared.resolve("data/real/bike-sharing-day.csv"));
                case "seed" -> longCsv(shared.resolve("data/seed/large_dataset.csv"));
                default -> {
                    if (!name.endsWith(".csv")) {
                        throw new IllegalArgumentException("unknown dataset " + name);
                    }
                    yield longCsv(Path.of(name));
                }
            };
            int[] counts = run(name.endsWith(".csv") ? Path.of(name).getFileName().toString() : name, rows);
            met += counts[0];
            cells += counts[1];
        }
        OUT.printf(Locale.ROOT, "%nEnsemble MASE within 2%% of its best part (min over its five members)"
                + " in %d of %d (series, horizon bucket) cells.%n", met, cells);
    }

    private static int[] run(String name, List<Row> rows) throws IOException {
        LocalDate first = rows.stream().map(Row::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = rows.stream().map(Row::date).max(LocalDate::compareTo).orElseThrow();
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        Protocol protocol = days >= 730 + 365 ? new Protocol(730, 180, 365)
                : new Protocol(Math.max(180, days / 3), 91, Math.min(91, days / 4));
        List<LocalDate> cutoffs = new ArrayList<>();
        for (LocalDate c = last.minusDays(protocol.horizon()); ChronoUnit.DAYS.between(first, c) + 1
                >= protocol.initial() && cutoffs.size() < MAX_CUTOFFS; c = c.minusDays(protocol.period())) {
            cutoffs.add(0, c);
        }
        SalesTable full = table(rows, last);
        Map<String, SalesFilter> scored = scoredSeries(full);
        OUT.printf(Locale.ROOT, "### %s: %d days (%s .. %s), %d cutoffs %s .. %s, horizon %d, period %d%n%n", name,
                days, first, last, cutoffs.size(), cutoffs.get(0), cutoffs.get(cutoffs.size() - 1),
                protocol.horizon(), protocol.period());
        List<Map<String, Score>> scores = new ArrayList<>();
        for (int v = 0; v < VARIANTS.size(); v++) {
            Map<String, Score> perSeries = new LinkedHashMap<>();
            scored.keySet().forEach(k -> perSeries.put(k, new Score()));
            scores.add(perSeries);
        }
        Path store = Files.createTempDirectory("accuracy-" + name);
        ModelStore modelStore = new ModelStore(store, 2);
        double trainSeconds = 0;
        double evaluateSeconds = 0;
        double denseSeconds = 0;
        Map<String, Map<Member, double[]>> inner = new LinkedHashMap<>();
        for (LocalDate cutoff : cutoffs) {
            SalesTable table = table(rows, cutoff);
            long t0 = System.nanoTime();
            Trained trained = trainAsTheServiceDoes(table, modelStore);
            trainSeconds += (System.nanoTime() - t0) / 1e9;
            evaluateSeconds += trained.evaluateSeconds();
            denseSeconds += trained.denseEvaluateSeconds();
            if (INNER) {
                addInner(inner, trained.backtests());
            }
            for (int v = 0; v < VARIANTS.size(); v++) {
                for (Map.Entry<String, SalesFilter> key : scored.entrySet()) {
                    Optional<EnsembleForecast> forecast = trained.variants().get(v).forecast(key.getValue(),
                            protocol.horizon());
                    Optional<DailySeries> actual = full.dailySeries(key.getValue());
                    if (forecast.isEmpty() || actual.isEmpty()) {
                        continue;
                    }
                    double[] free = trained.servedLstm().forecast(forecast.get().history().values(),
                            protocol.horizon(), Rollout.FREE);
                    score(scores.get(v).get(key.getKey()), forecast.get(), free, actual.get());
                }
            }
        }
        int[] counts = report(scores.get(0), protocol.horizon());
        OUT.printf(Locale.ROOT, "%n| variant | cells within 2%% of best part | mean ensemble / best | worst |"
                + " within 2%% of best of three | mean / best of three | coverage mean (min .. max per series) |%n"
                + "|---|---|---|---|---|---|---|%n");
        for (int v = 0; v < VARIANTS.size(); v++) {
            summary(VARIANTS.get(v).name(), scores.get(v), protocol.horizon());
        }
        int before = VARIANTS.stream().map(Variant::name).toList().indexOf(PREVIOUS_DEFAULT);
        if (before >= 0) {
            beforeAfter(PREVIOUS_DEFAULT, scores.get(before), scores.get(0), protocol.horizon());
        }
        bandSummary(scores, protocol.horizon());
        if (INNER) {
            printInner(inner);
        }
        OUT.printf(Locale.ROOT, "%nRetrain at %d cutoffs: %.1f s in all, evaluate stage %.1f s (%.0f%% of it).%n%n",
                cutoffs.size(), trainSeconds - denseSeconds, evaluateSeconds,
                100 * evaluateSeconds / (trainSeconds - denseSeconds));
        // the retrain with the dense backtest instead of the service's (both ran; each share leaves the other out)
        double denseRetrain = trainSeconds - evaluateSeconds;
        if (denseSeconds > 1) {
            OUT.printf(Locale.ROOT, "Evaluate stage with short origins every %d days: %.1f s (%.0f%% of that"
                    + " retrain).%n%n", DENSE_STEP, denseSeconds, 100 * denseSeconds / denseRetrain);
        }
        return counts;
    }

    /**
     * One way of turning the inner backtest into served weights and bands; {@code step}: the days between the short
     * origins of the inner backtest it learns from (the service's 7, or a denser second backtest).
     */
    private record Variant(String name, EnsembleCalibration.WeightMethod method,
                           EnsembleCalibration.WeightSource weights, EnsembleCalibration.BandSource bands,
                           EnsembleCalibration.BandErrors bandErrors, Optional<HorizonWeights> fixed,
                           EnsembleCalibration.WeightPrior prior, int step, int scaleDays, double priorOrigins,
                           EnsembleCalibration.BandLevel level) {
        Variant(String name, EnsembleCalibration.WeightMethod method, EnsembleCalibration.WeightSource weights,
                EnsembleCalibration.BandSource bands, EnsembleCalibration.BandErrors bandErrors,
                Optional<HorizonWeights> fixed, EnsembleCalibration.WeightPrior prior, int step) {
            this(name, method, weights, bands, bandErrors, fixed, prior, step,
                    EnsembleCalibration.DEFAULT_BAND_RULE.scaleDays(),
                    EnsembleCalibration.DEFAULT_BAND_RULE.priorOrigins(),
                    EnsembleCalibration.DEFAULT_BAND_RULE.level());
        }

        /** The default weights with another band rule. */
        static Variant bands(String name, EnsembleCalibration.BandSource bands, int scaleDays, double priorOrigins,
                             EnsembleCalibration.BandLevel level) {
            return new Variant(name, EnsembleCalibration.DEFAULT_METHOD, EnsembleCalibration.DEFAULT_WEIGHTS, bands,
                    EnsembleCalibration.DEFAULT_BAND_ERRORS, Optional.empty(), EnsembleCalibration.DEFAULT_PRIOR,
                    SERVICE_STEP, scaleDays, priorOrigins, level);
        }

        EnsembleCalibration.BandRule bandRule() {
            return new EnsembleCalibration.BandRule(bands, bandErrors, scaleDays, priorOrigins, level);
        }

        Variant(String name, EnsembleCalibration.WeightMethod method, EnsembleCalibration.WeightSource weights,
                EnsembleCalibration.BandSource bands, EnsembleCalibration.BandErrors bandErrors) {
            this(name, method, weights, bands, bandErrors, Optional.empty(), EnsembleCalibration.DEFAULT_PRIOR,
                    SERVICE_STEP);
        }

        Variant(String name, EnsembleCalibration.WeightMethod method, EnsembleCalibration.WeightSource weights,
                EnsembleCalibration.BandSource bands) {
            this(name, method, weights, bands, EnsembleCalibration.DEFAULT_BAND_ERRORS, Optional.empty(),
                    EnsembleCalibration.DEFAULT_PRIOR, SERVICE_STEP);
        }

        /** The default's weight source, method and bands with another prior, from the backtest of {@code step}. */
        static Variant shrunk(String name, EnsembleCalibration.WeightPrior prior, int step) {
            return new Variant(name, EnsembleCalibration.DEFAULT_METHOD, EnsembleCalibration.DEFAULT_WEIGHTS,
                    EnsembleCalibration.DEFAULT_BANDS, EnsembleCalibration.DEFAULT_BAND_ERRORS, Optional.empty(),
                    prior, step);
        }
    }

    private static final int SERVICE_STEP = 7;
    /** The variant the per-bucket before/after table sets beside the default. */
    private static final String PREVIOUS_DEFAULT = "session 17 default: shrunk, no prior, kind bands, nominal level";
    /** The denser inner backtest's origin step (issue 15: more evidence per bucket weight). */
    private static final int DENSE_STEP = 3;

    /**
     * The plain mean of the four model-based members up to 91 days, and of the three refitted ones beyond (where
     * the LSTM was never validated): the forecast-combination benchmark that learned weights have to beat.
     */
    private static HorizonWeights equalWeights() {
        Map<HorizonBucket, Map<Member, Double>> buckets = new EnumMap<>(HorizonBucket.class);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            buckets.put(bucket, bucket == HorizonBucket.DAYS_92_365
                    ? Map.of(Member.ADDITIVE, 1 / 3.0, Member.HOLT_WINTERS, 1 / 3.0, Member.INTERMITTENT, 1 / 3.0)
                    : Map.of(Member.ADDITIVE, 0.25, Member.LSTM, 0.25, Member.HOLT_WINTERS, 0.25,
                            Member.INTERMITTENT, 0.25));
        }
        return new HorizonWeights(buckets);
    }

    private static final List<Variant> ALL_VARIANTS = List.of(
            new Variant("default", EnsembleCalibration.DEFAULT_METHOD, EnsembleCalibration.DEFAULT_WEIGHTS,
                    EnsembleCalibration.DEFAULT_BANDS),
            new Variant("equal weights (additive, LSTM, Holt-Winters, SBA), kind bands",
                    EnsembleCalibration.WeightMethod.GRID, EnsembleCalibration.WeightSource.KIND,
                    EnsembleCalibration.BandSource.KIND, EnsembleCalibration.DEFAULT_BAND_ERRORS,
                    Optional.of(equalWeights()), EnsembleCalibration.DEFAULT_PRIOR, SERVICE_STEP),
            new Variant("confidence set: own, kind bands", EnsembleCalibration.WeightMethod.CONFIDENCE_SET,
                    EnsembleCalibration.WeightSource.SERIES, EnsembleCalibration.BandSource.KIND),
            new Variant(PREVIOUS_DEFAULT, EnsembleCalibration.WeightMethod.GRID,
                    EnsembleCalibration.WeightSource.SHRUNK, EnsembleCalibration.BandSource.KIND,
                    EnsembleCalibration.BandErrors.CROSS_FITTED, Optional.empty(), EnsembleCalibration.WeightPrior.NONE,
                    SERVICE_STEP, 0, 0, EnsembleCalibration.BandLevel.NOMINAL),
            Variant.shrunk("shrunk, no prior", EnsembleCalibration.WeightPrior.NONE, SERVICE_STEP),
            Variant.shrunk("shrunk + all horizons", EnsembleCalibration.WeightPrior.HORIZONS, SERVICE_STEP),
            Variant.shrunk("shrunk, Stock-Watson to equal", EnsembleCalibration.WeightPrior.EQUAL_STOCK_WATSON,
                    SERVICE_STEP),
            Variant.shrunk("shrunk, equal unless worse", EnsembleCalibration.WeightPrior.EQUAL_UNLESS_WORSE,
                    SERVICE_STEP),
            Variant.shrunk("sbaclass: intermittent/lumpy half-way to SBA alone",
                    EnsembleCalibration.WeightPrior.SBA_HALF, SERVICE_STEP),
            Variant.shrunk("sbaclass: half-way to equal on every class (the default before)",
                    EnsembleCalibration.WeightPrior.EQUAL_HALF, SERVICE_STEP),
            Variant.shrunk("step 3: shrunk, no prior", EnsembleCalibration.WeightPrior.NONE, DENSE_STEP),
            Variant.shrunk("step 3: shrunk + all horizons", EnsembleCalibration.WeightPrior.HORIZONS, DENSE_STEP),
            Variant.shrunk("step 3: half-way to equal", EnsembleCalibration.WeightPrior.EQUAL_HALF, DENSE_STEP),
            Variant.shrunk("step 3: Stock-Watson to equal", EnsembleCalibration.WeightPrior.EQUAL_STOCK_WATSON,
                    DENSE_STEP),
            Variant.shrunk("step 3: equal unless worse", EnsembleCalibration.WeightPrior.EQUAL_UNLESS_WORSE,
                    DENSE_STEP),
            new Variant("confidence set: shrunk, kind bands", EnsembleCalibration.WeightMethod.CONFIDENCE_SET,
                    EnsembleCalibration.WeightSource.SHRUNK, EnsembleCalibration.BandSource.KIND),
            new Variant("confidence set: kind, kind bands", EnsembleCalibration.WeightMethod.CONFIDENCE_SET,
                    EnsembleCalibration.WeightSource.KIND, EnsembleCalibration.BandSource.KIND),
            new Variant("confidence set: own, own bands", EnsembleCalibration.WeightMethod.CONFIDENCE_SET,
                    EnsembleCalibration.WeightSource.SERIES, EnsembleCalibration.BandSource.SERIES),
            Variant.bands("bands: kind, nominal level (the default before)", KIND, 0, 0, NOMINAL),
            Variant.bands("bands: kind, origin level", KIND, 0, 0, ORIGIN),
            Variant.bands("bands: rescaled (prior 4), nominal level", RESCALED, 0, 4, NOMINAL),
            Variant.bands("bands: rescaled (no shrinkage), origin level", RESCALED, 0, 0, ORIGIN),
            Variant.bands("bands: rescaled (prior 16), origin level", RESCALED, 0, 16, ORIGIN),
            Variant.bands("bands: rescaled (prior 4), origin level, scale 182 days", RESCALED, 182, 4, ORIGIN),
            Variant.bands("bands: rescaled (prior 4), origin level, scale 365 days", RESCALED, 365, 4, ORIGIN));

    /**
     * The default and the variants whose name contains one of the comma-separated words of system property
     * {@code bench.variants} (all of them without it): each variant costs a forecast per series and cutoff.
     */
    private static final List<Variant> VARIANTS = selected(System.getProperty("bench.variants", ""));

    private static List<Variant> selected(String words) {
        List<Variant> out = new ArrayList<>();
        for (int v = 0; v < ALL_VARIANTS.size(); v++) {
            String name = ALL_VARIANTS.get(v).name();
            if (v == 0 || words.isBlank()
                    || Arrays.stream(words.split(",")).anyMatch(w -> name.contains(w.strip()))) {
                out.add(ALL_VARIANTS.get(v));
            }
        }
        return out;
    }

    private record Trained(List<EnsembleModel> variants, LstmForecaster servedLstm, double evaluateSeconds,
                           double denseEvaluateSeconds, List<SeriesBacktest> backtests) {
    }

    /** With -Dbench.inner=true: each member's inner-backtest MASE per series and bucket, over every cutoff. */
    private static final boolean INNER = Boolean.getBoolean("bench.inner");

    /**
     * Adds each member's scaled absolute errors per series, bucket and origin kind (short origins: those with the
     * LSTM; long: the refitted members' only) to {@code sums} (key -> member -> {sum, count}).
     */
    private static void addInner(Map<String, Map<Member, double[]>> sums, List<SeriesBacktest> backtests) {
        for (SeriesBacktest b : backtests) {
            for (OriginForecasts o : b.origins()) {
                if (!(o.scale() > 0)) {
                    continue;
                }
                String kind = o.forecasts().containsKey(Member.LSTM) ? "short" : "long";
                for (HorizonBucket bucket : HorizonBucket.values()) {
                    for (int d = bucket.first() - 1; d < Math.min(bucket.last(), o.actual().length); d++) {
                        if (Double.isNaN(o.actual()[d])) {
                            continue;
                        }
                        String key = b.key() + " | " + bucket.label() + " | " + kind;
                        for (Map.Entry<Member, double[]> f : o.forecasts().entrySet()) {
                            double[] acc = sums.computeIfAbsent(key, k -> new EnumMap<>(Member.class))
                                    .computeIfAbsent(f.getKey(), k -> new double[2]);
                            acc[0] += Math.abs(o.actual()[d] - f.getValue()[d]) / o.scale();
                            acc[1]++;
                        }
                    }
                }
            }
        }
    }

    private static void printInner(Map<String, Map<Member, double[]>> sums) {
        OUT.printf(Locale.ROOT, "%n| series | bucket | origins | additive | LSTM | seasonal-naive | Holt-Winters |"
                + " SBA | points |%n|---|---|---|---|---|---|---|---|---|%n");
        for (Map.Entry<String, Map<Member, double[]>> e : new java.util.TreeMap<>(sums).entrySet()) {
            StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
            long points = 0;
            for (Member m : List.of(Member.ADDITIVE, Member.LSTM, Member.SEASONAL_NAIVE, Member.HOLT_WINTERS,
                    Member.INTERMITTENT)) {
                double[] acc = e.getValue().get(m);
                row.append(acc == null ? " |" : String.format(Locale.ROOT, " %.3f |", acc[0] / acc[1]));
                points = acc == null ? points : (long) acc[1];
            }
            OUT.println(row + " " + points + " |");
        }
    }

    /** The retrain pipeline's model stages, in its order, with the service's default settings. */
    private static Trained trainAsTheServiceDoes(SalesTable table, ModelStore store) throws IOException {
        RetrainProgress quiet = new RetrainProgress() {
            @Override
            public void stage(Stage stage, String message) {
            }

            @Override
            public void epoch(EpochProgress progress) {
            }
        };
        AdditiveConfig additiveConfig = AdditiveConfig.defaults();
        InventoryProperties.Evaluate settings = new InventoryProperties.Evaluate(91, 7, 3, 91, 7, 56, 30, 0.8);
        AdditiveStage.Fits fits = AdditiveStage.fitAll(table, additiveConfig, quiet);
        LstmStage.Outcome lstm = LstmStage.train(table, LstmConfig.defaults(), 1095, settings.holdoutDays(),
                TrainingMode.FINE_TUNE, store, quiet);
        long t0 = System.nanoTime();
        EvaluateStage.Outcome evaluation = EvaluateStage.evaluate(table, lstm.scored(), lstm.scoredCut(),
                additiveConfig, settings, EnsembleWeights.Mode.AUTO, quiet);
        double evaluateSeconds = (System.nanoTime() - t0) / 1e9;
        EnsembleModel model = new EnsembleModel(table, fits.models(), lstm.served().forecaster(),
                EnsembleWeights.DEFAULT, additiveConfig, evaluation.calibration());
        new StorePublisher(store, new MasterDataset(store.dir())).publish(model, evaluation.mode(), lstm.scored(),
                fits.fitKeys(), table.size(),
                table.lastDate().orElseThrow(), Map.of());
        // the same stage with denser short origins, for the variants that learn from it (not published)
        InventoryProperties.Evaluate dense = new InventoryProperties.Evaluate(91, DENSE_STEP, 3, 91, 7, 56, 30, 0.8);
        long t1 = System.nanoTime();
        // skipped when -Dbench.variants selects none of them: it doubles the evaluate time
        EvaluateStage.Outcome denseEvaluation = VARIANTS.stream().anyMatch(v -> v.step() == DENSE_STEP)
                ? EvaluateStage.evaluate(table, lstm.scored(), lstm.scoredCut(), additiveConfig, dense,
                        EnsembleWeights.Mode.AUTO, quiet)
                : evaluation;
        double denseSeconds = (System.nanoTime() - t1) / 1e9;
        List<EnsembleModel> variants = new ArrayList<>();
        for (Variant v : VARIANTS) {
            variants.add(new EnsembleModel(table, fits.models(), lstm.served().forecaster(), EnsembleWeights.DEFAULT,
                    additiveConfig, EnsembleCalibration.learn(
                            (v.step() == DENSE_STEP ? denseEvaluation : evaluation).backtests(),
                            settings.intervalWidth(), v.fixed(), v.method(), v.weights(), v.prior(), v.bandRule())));
        }
        return new Trained(variants, lstm.served().forecaster(), evaluateSeconds, denseSeconds,
                evaluation.backtests());
    }

    private static void score(Score score, EnsembleForecast forecast, double[] lstmFree, DailySeries actual) {
        DailySeries history = forecast.history();
        double scale = Backtest.naiveScale(history.values(), history.length(), 7);
        if (!(scale > 0)) {
            return;
        }
        int offset = (int) ChronoUnit.DAYS.between(actual.start(), forecast.start());
        double[] cutoff = new double[2];
        score.cutoffCoverage.add(cutoff);
        // the members the service fits per request, refitted here on the same history
        double[] holtWinters = MemberForecasts.holtWinters(7).forecast(history, forecast.days()).yhat();
        double[] sba = MemberForecasts.intermittent().forecast(history, forecast.days()).yhat();
        for (int d = 0; d < forecast.days(); d++) {
            int i = offset + d;
            if (i >= actual.length() || Double.isNaN(actual.values()[i])) {
                continue;
            }
            double a = actual.values()[i];
            HorizonBucket bucket = HorizonBucket.ofIndex(d);
            score.add(bucket, "ensemble", Math.abs(a - forecast.forecast()[d]) / scale);
            score.add(bucket, "additive", Math.abs(a - forecast.additive()[d]) / scale);
            score.add(bucket, "lstm", Math.abs(a - forecast.lstm()[d]) / scale);
            if (forecast.seasonalNaive() != null) {
                score.add(bucket, "seasonal_naive", Math.abs(a - forecast.seasonalNaive()[d]) / scale);
            }
            score.add(bucket, "holt_winters", Math.abs(a - Math.max(0, holtWinters[d])) / scale);
            score.add(bucket, "intermittent", Math.abs(a - Math.max(0, sba[d])) / scale);
            score.add(bucket, "lstm_free", Math.abs(a - lstmFree[d]) / scale);
            boolean inside = a >= forecast.lower()[d] && a <= forecast.upper()[d];
            score.covered(bucket, inside);
            score.misses[0] += a < forecast.lower()[d] ? 1 : 0;
            score.misses[1] += a > forecast.upper()[d] ? 1 : 0;
            cutoff[0] += inside ? 1 : 0;
            cutoff[1]++;
            score.width(bucket, (forecast.upper()[d] - forecast.lower()[d]) / scale);
        }
    }

    private static void summary(String name, Map<String, Score> scores, int horizon) {
        int met = 0;
        int metThree = 0;
        int cells = 0;
        double ratioSum = 0;
        double ratioThreeSum = 0;
        double worst = 0;
        double coverageSum = 0;
        double coverageMin = 1;
        double coverageMax = 0;
        int series = 0;
        for (Score score : scores.values()) {
            double hits = 0;
            double points = 0;
            for (HorizonBucket bucket : HorizonBucket.values()) {
                Map<String, double[]> parts = score.mase.get(bucket);
                if (parts == null || bucket.first() > horizon) {
                    continue;
                }
                double ratio = mase(parts, "ensemble") / bestPart(parts);
                double ratioThree = mase(parts, "ensemble") / bestOfThree(parts);
                cells++;
                met += ratio <= 1.02 ? 1 : 0;
                metThree += ratioThree <= 1.02 ? 1 : 0;
                ratioSum += ratio;
                ratioThreeSum += ratioThree;
                worst = Math.max(worst, ratio);
                hits += score.coverage.get(bucket)[0];
                points += score.coverage.get(bucket)[1];
            }
            if (points > 0) {
                series++;
                coverageSum += hits / points;
                coverageMin = Math.min(coverageMin, hits / points);
                coverageMax = Math.max(coverageMax, hits / points);
            }
        }
        OUT.printf(Locale.ROOT, "| %s | %d of %d | %.3f | %.3f | %d | %.3f | %.1f%% (%.1f%% .. %.1f%%) |%n", name,
                met, cells, ratioSum / cells, worst, metThree, ratioThreeSum / cells, 100 * coverageSum / series,
                100 * coverageMin, 100 * coverageMax);
    }

    /**
     * Per series and bucket, the ensemble's MASE under two variants and each over the best of the three
     * parts and of all five: the before/after of a change of default.
     */
    private static void beforeAfter(String before, Map<String, Score> was, Map<String, Score> now, int horizon) {
        OUT.printf(Locale.ROOT, "%n| series | days ahead | ensemble, %s | ensemble, default | / best of three, before"
                + " | after | / best of five, before | after |%n|---|---|---|---|---|---|---|---|%n", before);
        for (String key : now.keySet()) {
            for (HorizonBucket bucket : HorizonBucket.values()) {
                Map<String, double[]> a = was.get(key).mase.get(bucket);
                Map<String, double[]> b = now.get(key).mase.get(bucket);
                if (a == null || b == null || bucket.first() > horizon) {
                    continue;
                }
                OUT.printf(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", key, bucket.label(),
                        mase(a, "ensemble"), mase(b, "ensemble"), mase(a, "ensemble") / bestOfThree(a),
                        mase(b, "ensemble") / bestOfThree(b), mase(a, "ensemble") / bestPart(a),
                        mase(b, "ensemble") / bestPart(b));
            }
        }
    }

    /** The best of the three: additive, LSTM, seasonal-naive. */
    private static double bestOfThree(Map<String, double[]> parts) {
        double best = Double.POSITIVE_INFINITY;
        for (int p = 1; p <= 3; p++) {
            double m = mase(parts, PARTS[p]);
            if (m < best) {
                best = m;
            }
        }
        return best;
    }

    /**
     * Per band variant: coverage per series (min .. max, how many in the 75-85%), mean distance from
     * nominal and mean interval width in MASE-scale units; then coverage per series and horizon bucket.
     */
    private static void bandSummary(List<Map<String, Score>> scores, int horizon) {
        OUT.printf(Locale.ROOT, "%n| band variant | coverage mean (min .. max) | series in 75-85%% |"
                + " mean abs(coverage - 80%%) | mean width / scale |%n|---|---|---|---|---|%n");
        StringBuilder detail = new StringBuilder(String.format(Locale.ROOT, "%n| band variant | series | 1-7 | 8-28 |"
                + " 29-91 | 92-365 | all | each cutoff, oldest first | 95%% interval over cutoffs | width / scale |"
                + " below / above |%n|---|---|---|---|---|---|---|---|---|---|---|%n"));
        for (int v = 0; v < VARIANTS.size(); v++) {
            double sum = 0;
            double min = 1;
            double max = 0;
            double distance = 0;
            double widthSum = 0;
            int inRange = 0;
            int series = 0;
            for (Map.Entry<String, Score> e : scores.get(v).entrySet()) {
                double[] all = new double[4];
                StringBuilder buckets = new StringBuilder();
                for (HorizonBucket bucket : HorizonBucket.values()) {
                    double[] cov = e.getValue().coverage.get(bucket);
                    if (cov == null || bucket.first() > horizon) {
                        buckets.append(" | ");
                        continue;
                    }
                    double[] w = e.getValue().width.get(bucket);
                    all[0] += cov[0];
                    all[1] += cov[1];
                    all[2] += w[0];
                    all[3] += w[1];
                    buckets.append(String.format(Locale.ROOT, " | %.1f", 100 * cov[0] / cov[1]));
                }
                if (all[1] == 0) {
                    continue;
                }
                double c = all[0] / all[1];
                series++;
                sum += c;
                min = Math.min(min, c);
                max = Math.max(max, c);
                distance += Math.abs(c - 0.8);
                widthSum += all[2] / all[3];
                inRange += c >= 0.75 && c <= 0.85 ? 1 : 0;
                double[] misses = e.getValue().misses;
                detail.append(String.format(Locale.ROOT, "| %s | %s%s | %.1f | %s | %.2f | %.1f / %.1f |%n",
                        VARIANTS.get(v).name(), e.getKey(), buckets, 100 * c, cutoffSpread(e.getValue().cutoffCoverage),
                        all[2] / all[3], 100 * misses[0] / all[1], 100 * misses[1] / all[1]));
            }
            OUT.printf(Locale.ROOT, "| %s | %.1f%% (%.1f .. %.1f) | %d of %d | %.1f | %.2f |%n", VARIANTS.get(v).name(),
                    100 * sum / series, 100 * min, 100 * max, inRange, series, 100 * distance / series,
                    widthSum / series);
        }
        OUT.print(detail);
    }

    /** Two-sided 95% Student-t quantiles for 1 .. 10 degrees of freedom (MAX_CUTOFFS is 6). */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};

    /**
     * The coverage of each outer cutoff and a 95% interval for the series' coverage from their mean and
     * spread (t over cutoffs: days after one cutoff share its level error, so they are not independent trials);
     * "80% inside" says whether a miss of the nominal level is within this sampling noise.
     */
    private static String cutoffSpread(List<double[]> cutoffs) {
        double[] c = cutoffs.stream().filter(x -> x[1] > 0).mapToDouble(x -> x[0] / x[1]).toArray();
        if (c.length < 2) {
            return "- | -";
        }
        double mean = Arrays.stream(c).average().orElseThrow();
        double ss = Arrays.stream(c).map(x -> (x - mean) * (x - mean)).sum();
        double half = T_975[Math.min(T_975.length, c.length - 1) - 1] * Math.sqrt(ss / (c.length - 1) / c.length);
        double lo = Math.max(0, mean - half);
        double hi = Math.min(1, mean + half);
        StringBuilder each = new StringBuilder();
        for (double x : c) {
            each.append(each.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", 100 * x));
        }
        return String.format(Locale.ROOT, "%s | %.1f .. %.1f%s", each, 100 * lo, 100 * hi,
                lo <= 0.8 && hi >= 0.8 ? " (80% inside)" : " (80% outside)");
    }

    /** The best of every member, the three (additive, LSTM, seasonal-naive) and the two added ones. */
    private static double bestPart(Map<String, double[]> parts) {
        double best = Double.POSITIVE_INFINITY;
        for (int p = 1; p < PARTS.length; p++) {
            double m = mase(parts, PARTS[p]);
            if (m < best) {
                best = m;
            }
        }
        return best;
    }

    private static double mase(Map<String, double[]> parts, String part) {
        double[] acc = parts.get(part);
        return acc == null ? Double.NaN : acc[0] / acc[1];
    }

    private static int[] report(Map<String, Score> scores, int horizon) {
        OUT.println("| series | days ahead | ensemble | additive | LSTM | seasonal-naive | Holt-Winters | SBA |"
                + " ensemble / best part | 80% coverage | LSTM undamped |");
        OUT.println("|---|---|---|---|---|---|---|---|---|---|---|");
        int met = 0;
        int cells = 0;
        for (Map.Entry<String, Score> e : scores.entrySet()) {
            for (HorizonBucket bucket : HorizonBucket.values()) {
                Map<String, double[]> parts = e.getValue().mase.get(bucket);
                if (parts == null || bucket.first() > horizon) {
                    continue;
                }
                double[] m = new double[PARTS.length];
                for (int p = 0; p < PARTS.length; p++) {
                    double[] acc = parts.get(PARTS[p]);
                    m[p] = acc == null ? Double.NaN : acc[0] / acc[1];
                }
                double ratio = m[0] / bestPart(parts);
                cells++;
                if (ratio <= 1.02) {
                    met++;
                }
                double[] cov = e.getValue().coverage.get(bucket);
                OUT.printf(Locale.ROOT,
                        "| %s | %s | %s%.3f%s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f%% | %.3f |%n",
                        e.getKey(), bucket.label(), ratio <= 1.02 ? "**" : "", m[0], ratio <= 1.02 ? "**" : "", m[1],
                        m[2], m[3], m[4], m[5], ratio, 100 * cov[0] / cov[1], mase(parts, "lstm_free"));
            }
        }
        return new int[] {met, cells};
    }

    /** The total, every category and region, and up to 8 products. */
    private static Map<String, SalesFilter> scoredSeries(SalesTable table) {
        Map<String, SalesFilter> keys = new LinkedHashMap<>();
        keys.put(SeriesKey.TOTAL, SalesFilter.ALL);
        table.categories().forEach(c -> keys.put(SeriesKey.category(c), SalesFilter.category(c)));
        table.regions().forEach(r -> keys.put(SeriesKey.region(r), SalesFilter.region(r)));
        if (table.productIds().size() > 1) {
            table.productIds().stream().limit(MAX_PRODUCTS_SCORED)
                    .forEach(p -> keys.put(SeriesKey.product(p), SalesFilter.product(p)));
        }
        return keys;
    }

    private static SalesTable table(List<Row> rows, LocalDate until) throws IOException {
        StringBuilder csv = new StringBuilder("date,product_id,sales,category,region\n");
        for (Row r : rows) {
            if (!r.date().isAfter(until)) {
                csv.append(r.date()).append(',').append(r.product()).append(',')
                        .append(Double.isNaN(r.sales()) ? "NA" : String.valueOf(r.sales())).append(',')
                        .append(r.category()).append(',').append(r.region()).append('\n');
            }
        }
        return CsvIngest.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bench.csv",
                IngestLimits.TRUSTED_FILE);
    }

    private static List<Row> pharma(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        DateTimeFormatter us = DateTimeFormatter.ofPattern("M/d/yyyy");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            LocalDate date = LocalDate.parse(f[0], us);
            for (int c = 1; c <= 8; c++) {
                rows.add(new Row(date, header[c], Double.parseDouble(f[c]), "", ""));
            }
        }
        return rows;
    }

    private static List<Row> bike(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add(new Row(LocalDate.parse(f[1]), "_total", Double.parseDouble(f[15]), "", ""));
        }
        return rows;
    }

    /** An upload-format file: date, product_id, sales, category, region by header name. */
    private static List<Row> longCsv(Path file) throws IOException {
        SalesTable table = CsvIngest.read(Files.newInputStream(file), file.getFileName().toString(),
                IngestLimits.TRUSTED_FILE);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            rows.add(new Row(table.date(i), table.productId(i), table.sales(i),
                    nullToEmpty(table.category(i)), nullToEmpty(table.region(i))));
        }
        return rows;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
