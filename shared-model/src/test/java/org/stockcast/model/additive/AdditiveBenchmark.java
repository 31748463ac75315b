package org.stockcast.model.additive;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.backtest.ForecastErrors;
import org.stockcast.model.dataset.DailySeries;

/**
 * Fit/predict timings (warm JVM, medians) and rolling-origin backtests against seasonal-naive on the pharma
 * series and generated series. Prints Markdown. Run from the repository root:
 * mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.stockcast.model.additive.AdditiveBenchmark
 * [-Dexec.args=/path/to/pharma-salesdaily.csv]
 */
public final class AdditiveBenchmark {
    private static final int CUTOFFS = 12;
    private static final int HORIZON = 30;
    private static final int STEP = 30;
    private static final int SEASON = 7;

    private AdditiveBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path pharma = Path.of(args.length > 0 ? args[0] : "../shared/data/real/pharma-salesdaily.csv");
        if (!Files.exists(pharma)) {
            pharma = Path.of("/work/shared/data/real/pharma-salesdaily.csv");
        }
        System.out.printf("JVM %s, %d cores visible, load average %.1f at start (machine shared with other busy "
                + "engineers)%n%n", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        timings();
        Map<String, DailySeries> series = new LinkedHashMap<>(readPharma(pharma));
        series.put("generated (trend + 2 changepoints + weekly + yearly, sd 3)",
                SyntheticSeries.generate(2100, 3.0, 99).series());
        series.put("generated sparse (1 sale day in 20)", sparse(2100, 5));
        backtests(series);
        Path seed = pharma.getParent().getParent().resolve("seed/large_dataset.csv");
        if (Files.exists(seed)) {
            seedProducts(readSeedProducts(seed));
        }
    }

    /** The seed large_dataset: 24 products over ~20,000 days, each selling on about 1 day in 20. */
    private static void seedProducts(Map<String, DailySeries> products) {
        double[] fitMillis = new double[products.size()];
        double modelMase = 0;
        double naiveMase = 0;
        double modelRmse = 0;
        double naiveRmse = 0;
        double coverage = 0;
        int i = 0;
        int days = 0;
        for (DailySeries s : products.values()) {
            AdditiveModel.fit(s, AdditiveConfig.defaults()); // warm-up for this size
            long start = System.nanoTime();
            AdditiveModel.fit(s, AdditiveConfig.defaults());
            fitMillis[i++] = (System.nanoTime() - start) / 1e6;
            ForecastErrors model = Backtest.evaluate(s, AdditiveModel.forecaster(AdditiveConfig.defaults()),
                    CUTOFFS, HORIZON, STEP, SEASON);
            ForecastErrors naive = Backtest.evaluate(s, Backtest.seasonalNaive(SEASON), CUTOFFS, HORIZON, STEP,
                    SEASON);
            modelMase += model.mase() / products.size();
            naiveMase += naive.mase() / products.size();
            modelRmse += model.rmse() / products.size();
            naiveRmse += naive.rmse() / products.size();
            coverage += model.coverage() / products.size();
            days = Math.max(days, s.length());
        }
        Arrays.sort(fitMillis);
        System.out.printf("%nSeed large_dataset.csv, %d product series (daily sums, up to %d days, ~1 sale day in 20):"
                + " median fit %.1f ms (max %.1f ms); mean over products: additive MASE %.3f vs naive %.3f, "
                + "RMSE %.2f vs %.2f, coverage %.3f%n", products.size(), days, fitMillis[fitMillis.length / 2],
                fitMillis[fitMillis.length - 1], modelMase, naiveMase, modelRmse, naiveRmse, coverage);
    }

    /** date,product_id,sales,...: daily sum of sales per product, days without rows = 0; bad rows skipped. */
    static Map<String, DailySeries> readSeedProducts(Path file) throws IOException {
        Map<String, Map<LocalDate, Double>> sums = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] cells = line.split(",", -1);
            try {
                LocalDate date = LocalDate.parse(cells[0].trim());
                double sales = Double.parseDouble(cells[2].trim());
                sums.computeIfAbsent(cells[1].trim(), k -> new java.util.TreeMap<>()).merge(date, sales, Double::sum);
            } catch (RuntimeException skipped) {
                // messy rows are the ingest layer's business; the benchmark only needs the clean ones
            }
        }
        Map<String, DailySeries> series = new LinkedHashMap<>();
        sums.forEach((product, byDate) -> {
            LocalDate first = ((java.util.TreeMap<LocalDate, Double>) byDate).firstKey();
            LocalDate last = ((java.util.TreeMap<LocalDate, Double>) byDate).lastKey();
            double[] values = new double[(int) (last.toEpochDay() - first.toEpochDay()) + 1];
            byDate.forEach((date, v) -> values[(int) (date.toEpochDay() - first.toEpochDay())] = v);
            if (values.length >= 365) { // a few odd ids cover only days; the ingest layer deals with those
                series.put(product, new DailySeries(first, values));
            }
        });
        return series;
    }

    private static void timings() {
        DailySeries series3000 = SyntheticSeries.generate(3000, 3.0, 1).series();
        DailySeries series20000 = SyntheticSeries.generate(20_000, 3.0, 2).series();
        AdditiveConfig additive = AdditiveConfig.defaults();
        AdditiveConfig multiplicative = additive.withMode(SeasonalityMode.MULTIPLICATIVE);
        System.out.println("| measurement | wall median | wall p90 | thread-CPU median | runs |");
        System.out.println("|---|---|---|---|---|");
        row("fit 3,000 days, additive (default)", timeFit(series3000, additive, 40, 101));
        row("fit 3,000 days, multiplicative", timeFit(series3000, multiplicative, 20, 51));
        row("fit 20,000 days, additive", timeFit(series20000, additive, 5, 15));
        FittedAdditiveModel model = AdditiveModel.fit(series3000, additive);
        row("predict 365 days, 80% interval, 1,000 samples", timePredict(model, 40, 101));
        FittedAdditiveModel multiplicativeModel = AdditiveModel.fit(series3000, multiplicative);
        row("predict 365 days, multiplicative, 1,000 samples", timePredict(multiplicativeModel, 20, 51));
        System.out.println();
    }

    private static double[][] timeFit(DailySeries series, AdditiveConfig config, int warmup, int runs) {
        return time(() -> AdditiveModel.fit(series, config), warmup, runs);
    }

    private static double[][] timePredict(FittedAdditiveModel model, int warmup, int runs) {
        return time(() -> model.predict(365), warmup, runs);
    }

    /** {wall ms, thread-CPU ms} per run: CPU time is less disturbed by the other engineers' load. */
    private static double[][] time(Runnable work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        return new double[][] {wall, cpu};
    }

    private static void row(String name, double[][] millis) {
        double[] wall = millis[0].clone();
        double[] cpu = millis[1].clone();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %d |%n", name, wall[wall.length / 2],
                wall[(int) (wall.length * 0.9)], cpu[cpu.length / 2], wall.length);
    }

    private static void backtests(Map<String, DailySeries> series) {
        System.out.printf("Rolling origin: %d cutoffs, %d days apart, horizon %d days; MASE scale = in-sample "
                + "seasonal-naive (lag %d) MAE; coverage of the 80%% interval.%n%n", CUTOFFS, STEP, HORIZON, SEASON);
        System.out.println("| series | days | additive MAE | naive MAE | additive RMSE | naive RMSE | additive sMAPE"
                + " | naive sMAPE | additive MASE | naive MASE | coverage (80%) | fit ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        List<double[]> summary = new ArrayList<>();
        for (Map.Entry<String, DailySeries> entry : series.entrySet()) {
            DailySeries s = entry.getValue();
            long start = System.nanoTime();
            AdditiveModel.fit(s, AdditiveConfig.defaults());
            double fitMillis = (System.nanoTime() - start) / 1e6;
            ForecastErrors model = Backtest.evaluate(s, AdditiveModel.forecaster(AdditiveConfig.defaults()),
                    CUTOFFS, HORIZON, STEP, SEASON);
            ForecastErrors naive = Backtest.evaluate(s, Backtest.seasonalNaive(SEASON), CUTOFFS, HORIZON, STEP,
                    SEASON);
            System.out.printf("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f | %.3f | %.3f | %.3f | %.1f |%n",
                    entry.getKey(), s.length(), model.mae(), naive.mae(), model.rmse(), naive.rmse(), model.smape(),
                    naive.smape(), model.mase(), naive.mase(), model.coverage(), fitMillis);
            summary.add(new double[] {model.mase(), naive.mase(), model.coverage()});
        }
        double modelMase = summary.stream().mapToDouble(r -> r[0]).average().orElse(Double.NaN);
        double naiveMase = summary.stream().mapToDouble(r -> r[1]).average().orElse(Double.NaN);
        double coverage = summary.stream().mapToDouble(r -> r[2]).average().orElse(Double.NaN);
        System.out.printf("%nMean over %d series: additive MASE %.3f vs seasonal-naive %.3f; mean coverage %.3f "
                + "(nominal 0.800)%n", summary.size(), modelMase, naiveMase, coverage);
    }

    /** The wide pharma file: datum (M/d/yyyy) then one column per drug; consecutive days, no gaps. */
    static Map<String, DailySeries> readPharma(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        DateTimeFormatter format = DateTimeFormatter.ofPattern("M/d/yyyy");
        int drugs = 8;
        double[][] values = new double[drugs][lines.size() - 1];
        LocalDate first = null;
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            LocalDate date = LocalDate.parse(cells[0], format);
            if (first == null) {
                first = date;
            } else if (!date.equals(first.plusDays(r - 1L))) {
                throw new IllegalStateException("gap or disorder at row " + (r + 1) + ": " + date);
            }
            for (int d = 0; d < drugs; d++) {
                values[d][r - 1] = Double.parseDouble(cells[d + 1]);
            }
        }
        Map<String, DailySeries> series = new LinkedHashMap<>();
        for (int d = 0; d < drugs; d++) {
            series.put("pharma " + header[d + 1], new DailySeries(first, values[d]));
        }
        return series;
    }

    private static DailySeries sparse(int days, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int i = 0; i < days; i++) {
            values[i] = random.nextInt(20) == 0 ? 1 + random.nextInt(4) : 0;
        }
        return new DailySeries(SyntheticSeries.START, values);
    }
}
