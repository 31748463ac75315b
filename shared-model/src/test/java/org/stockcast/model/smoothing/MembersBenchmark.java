package org.stockcast.model.smoothing;

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
import java.util.TreeMap;

import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.intermittent.Intermittency;
import org.stockcast.model.intermittent.Intermittent;
import org.stockcast.model.intermittent.IntermittentMethod;

/**
 * Rolling-origin MASE and RMSSE per horizon bucket of the smoothing and intermittent members against the
 * additive model and seasonal-naive, per series, then the lead-time coverage of reorder points on intermittent series
 * ({@link LeadTimeCoverage}). Prints Markdown. Run from the repository root:
 * mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.stockcast.model.smoothing.MembersBenchmark
 * Data: ../shared/data/{real,seed} (falling back to /work/shared/data), or -Dexec.args=/path/to/shared/data.
 */
public final class MembersBenchmark {
    private static final int SEASON = 7;
    private static final int[][] BUCKETS = {{1, 7}, {8, 28}, {29, 91}, {92, 365}};
    private static final DateTimeFormatter PHARMA_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private MembersBenchmark() {
    }

    /** A rolling-origin protocol: training lengths (oldest first) derived from the series length. */
    private record Protocol(String name, int horizon, int cutoffs, int step, int initial) {
        List<Integer> lengths(int n) {
            List<Integer> out = new ArrayList<>();
            for (int c = cutoffs - 1; c >= 0; c--) {
                int length = n - horizon - c * step;
                if (length >= initial) {
                    out.add(length);
                }
            }
            return out;
        }
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        if (!Files.exists(data.resolve("real/pharma-salesdaily.csv"))) {
            data = Path.of("/work/shared/data");
        }
        System.out.printf("JVM %s, %d cores visible, load average %.1f at start%n%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, DailySeries> pharma = readPharma(data.resolve("real/pharma-salesdaily.csv"));
        Map<String, DailySeries> all = new LinkedHashMap<>(pharma);
        all.put("pharma total", total(pharma.values()));
        all.put("bike cnt", readBike(data.resolve("real/bike-sharing-day.csv")));
        Map<String, DailySeries> derived = derivedIntermittent(pharma);
        all.putAll(derived);
        all.putAll(readSeedProducts(data.resolve("seed/large_dataset.csv")));
        timings(pharma.get("pharma N02BE"));

        Map<String, Forecaster> members = members();
        Protocol short91 = new Protocol("horizon 91, 10 cutoffs 28 days apart, initial >= 2 seasons", 91, 10, 28,
                2 * SEASON);
        run(short91, all, members, 3);
        Map<String, DailySeries> longSeries = new LinkedHashMap<>(pharma);
        longSeries.put("pharma total", all.get("pharma total"));
        longSeries.putAll(derived);
        Protocol prophet = new Protocol("Prophet protocol: initial 730, period 180, horizon 365", 365, 100, 180, 730);
        run(prophet, longSeries, members, 4);
        LeadTimeCoverage.run(all);
    }

    private static Map<String, Forecaster> members() {
        Map<String, Forecaster> members = new LinkedHashMap<>();
        members.put("Holt-Winters", HoltWinters.forecaster(SEASON));
        members.put("Croston", Intermittent.forecaster(IntermittentMethod.CROSTON));
        members.put("SBA", Intermittent.forecaster(IntermittentMethod.SBA));
        members.put("TSB", Intermittent.forecaster(IntermittentMethod.TSB));
        members.put("additive", AdditiveModel.forecaster(AdditiveConfig.defaults()));
        members.put("seasonal-naive", Backtest.seasonalNaive(SEASON));
        return members;
    }

    private static void run(Protocol protocol, Map<String, DailySeries> series, Map<String, Forecaster> members,
                            int buckets) {
        System.out.printf("%n### %s%n", protocol.name());
        // series -> member -> [MASE per bucket, RMSSE per bucket]
        Map<String, Map<String, double[][]>> results = new LinkedHashMap<>();
        Map<String, Integer> folds = new LinkedHashMap<>();
        for (Map.Entry<String, DailySeries> s : series.entrySet()) {
            List<Integer> lengths = protocol.lengths(s.getValue().length());
            folds.put(s.getKey(), lengths.size());
            Map<String, double[][]> byMember = new LinkedHashMap<>();
            for (Map.Entry<String, Forecaster> m : members.entrySet()) {
                byMember.put(m.getKey(), scaledErrors(s.getValue(), m.getValue(), lengths, protocol.horizon(),
                        buckets));
            }
            results.put(s.getKey(), byMember);
        }
        for (int measure = 0; measure < 2; measure++) {
            for (int b = 0; b < buckets; b++) {
                table(measure == 0 ? "MASE" : "RMSSE", measure, b, series, results, folds, members.keySet());
            }
        }
    }

    private static void table(String measureName, int measure, int b, Map<String, DailySeries> series,
                              Map<String, Map<String, double[][]>> results, Map<String, Integer> folds,
                              Iterable<String> members) {
        System.out.printf("%n%s, days %d-%d (best in bold):%n%n", measureName, BUCKETS[b][0], BUCKETS[b][1]);
        System.out.print("| series | class (zero share) | cutoffs |");
        members.forEach(m -> System.out.print(" " + m + " |"));
        System.out.print("\n|---|---|---|");
        members.forEach(m -> System.out.print("---|"));
        System.out.println();
        Map<String, Integer> wins = new LinkedHashMap<>();
        Map<String, Double> logRatio = new LinkedHashMap<>();
        Map<Boolean, Map<String, Double>> logRatioByClass = Map.of(true, new LinkedHashMap<>(), false,
                new LinkedHashMap<>());
        Map<Boolean, Integer> seriesByClass = new LinkedHashMap<>();
        for (String name : results.keySet()) {
            seriesByClass.merge(Intermittency.of(series.get(name).values()).pattern().intermittent(), 1, Integer::sum);
        }
        for (String name : results.keySet()) {
            Map<String, double[][]> row = results.get(name);
            String best = null;
            for (String m : row.keySet()) {
                if (best == null || row.get(m)[measure][b] < row.get(best)[measure][b]) {
                    best = m;
                }
            }
            wins.merge(best, 1, Integer::sum);
            Intermittency kind = Intermittency.of(series.get(name).values());
            System.out.printf("| %s | %s (%.0f%%) | %d |", name, kind.pattern().name().toLowerCase(),
                    100 * kind.zeroShare(), folds.get(name));
            for (String m : row.keySet()) {
                double v = row.get(m)[measure][b];
                System.out.print(m.equals(best) ? String.format(" **%.3f** |", v) : String.format(" %.3f |", v));
                double log = Math.log(v / row.get("seasonal-naive")[measure][b]);
                logRatio.merge(m, log / results.size(), Double::sum);
                boolean sparse = kind.pattern().intermittent();
                logRatioByClass.get(sparse).merge(m, log / seriesByClass.get(sparse), Double::sum);
            }
            System.out.println();
        }
        System.out.print("| **geometric mean vs seasonal-naive** | | |");
        members.forEach(m -> System.out.printf(" %.3f |", Math.exp(logRatio.get(m))));
        for (boolean sparse : new boolean[] {false, true}) {
            if (seriesByClass.containsKey(sparse)) {
                System.out.printf("%n| **geometric mean vs seasonal-naive, %s (%d series)** | | |",
                        sparse ? "intermittent + lumpy" : "smooth + erratic", seriesByClass.get(sparse));
                members.forEach(m -> System.out.printf(" %.3f |", Math.exp(logRatioByClass.get(sparse).get(m))));
            }
        }
        System.out.print("\n| **series won** | | |");
        members.forEach(m -> System.out.printf(" %d |", wins.getOrDefault(m, 0)));
        System.out.println();
    }

    /**
     * Pooled scaled errors per bucket over every origin and day of the bucket whose actual is observed (NaN actuals
     * and NaN pairs skipped): MASE = mean |e| / s1, RMSSE (M5's measure) = sqrt(mean e^2 / s2), where s1, s2 are
     * the mean absolute and mean squared seasonal (7-day) differences of that origin's history. MAE rewards a zero
     * forecast on mostly-zero series; the squared error rewards the mean, which is what stock is planned on.
     */
    private static double[][] scaledErrors(DailySeries series, Forecaster forecaster, List<Integer> lengths,
                                           int horizon, int buckets) {
        double[] absolute = new double[buckets];
        double[] squared = new double[buckets];
        int[] counts = new int[buckets];
        double[] values = series.values();
        for (int length : lengths) {
            double[] scale = naiveScales(values, length);
            if (!(scale[0] > 0)) {
                continue;
            }
            double[] yhat = forecaster.forecast(series.head(length), horizon).yhat();
            for (int h = 1; h <= horizon; h++) {
                double actual = values[length + h - 1];
                int b = bucket(h);
                if (b < buckets && !Double.isNaN(actual)) {
                    double e = yhat[h - 1] - actual;
                    absolute[b] += Math.abs(e) / scale[0];
                    squared[b] += e * e / scale[1];
                    counts[b]++;
                }
            }
        }
        double[][] out = new double[2][buckets];
        for (int b = 0; b < buckets; b++) {
            out[0][b] = counts[b] == 0 ? Double.NaN : absolute[b] / counts[b];
            out[1][b] = counts[b] == 0 ? Double.NaN : Math.sqrt(squared[b] / counts[b]);
        }
        return out;
    }

    private static int bucket(int h) {
        for (int b = 0; b < BUCKETS.length; b++) {
            if (h <= BUCKETS[b][1]) {
                return b;
            }
        }
        return BUCKETS.length;
    }

    /** Mean absolute and mean squared 7-day differences of the first {@code length} days, NaN pairs skipped. */
    private static double[] naiveScales(double[] values, int length) {
        double absolute = 0;
        double squared = 0;
        int count = 0;
        for (int i = SEASON; i < length; i++) {
            double d = values[i] - values[i - SEASON];
            if (!Double.isNaN(d)) {
                absolute += Math.abs(d);
                squared += d * d;
                count++;
            }
        }
        return count == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {absolute / count, squared / count};
    }

    private static void timings(DailySeries n02be) {
        double[] y2000 = Arrays.copyOf(n02be.values(), 2000);
        System.out.println("| fit on pharma N02BE, first 2,000 days | wall median | wall p90 | thread-CPU median "
                + "| runs |");
        System.out.println("|---|---|---|---|---|");
        timing("Holt-Winters (ETS A,Ad,A), season 7", () -> HoltWinters.fit(y2000, SEASON));
        timing("Croston (grid of 16)", () -> Intermittent.fit(y2000, IntermittentMethod.CROSTON));
        timing("TSB (grid of 24)", () -> Intermittent.fit(y2000, IntermittentMethod.TSB));
        timing("additive (default config)", () -> AdditiveModel.fit(new DailySeries(n02be.start(), y2000),
                AdditiveConfig.defaults()));
        System.out.println();
    }

    private static void timing(String name, Runnable fit) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20; i++) {
            fit.run();
        }
        double[] wall = new double[51];
        double[] cpu = new double[51];
        for (int i = 0; i < wall.length; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            fit.run();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("| %s | %.1f ms | %.1f ms | %.1f ms | %d |%n", name, wall[wall.length / 2],
                wall[wall.length * 9 / 10], cpu[cpu.length / 2], wall.length);
    }

    /**
     * Intermittent series made from pharma: N02BE and R03 with each day's sales kept with probability 0.1
     * (a pharmacy 10 times smaller), and M01AB in whole packs of 10 (floor(sales / 10)).
     */
    private static Map<String, DailySeries> derivedIntermittent(Map<String, DailySeries> pharma) {
        Map<String, DailySeries> out = new LinkedHashMap<>();
        out.put("pharma N02BE thinned 1/10", thinned(pharma.get("pharma N02BE"), 0.1, 1));
        out.put("pharma R03 thinned 1/10", thinned(pharma.get("pharma R03"), 0.1, 2));
        DailySeries m01ab = pharma.get("pharma M01AB");
        out.put("pharma M01AB packs of 10", new DailySeries(m01ab.start(),
                Arrays.stream(m01ab.values()).map(v -> Math.floor(v / 10)).toArray()));
        return out;
    }

    private static DailySeries thinned(DailySeries s, double keep, long seed) {
        Random random = new Random(seed);
        return new DailySeries(s.start(), Arrays.stream(s.values())
                .map(v -> random.nextDouble() < keep ? v : 0).toArray());
    }

    private static DailySeries total(Iterable<DailySeries> parts) {
        DailySeries first = parts.iterator().next();
        double[] sum = new double[first.length()];
        for (DailySeries p : parts) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p.values()[i];
            }
        }
        return new DailySeries(first.start(), sum);
    }

    /** Wide file: datum (M/d/yyyy), then the 8 drug columns; one row per day without gaps. */
    private static Map<String, DailySeries> readPharma(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        double[][] values = new double[8][lines.size() - 1];
        LocalDate first = LocalDate.parse(lines.get(1).split(",")[0], PHARMA_DATE);
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            if (!LocalDate.parse(cells[0], PHARMA_DATE).equals(first.plusDays(r - 1L))) {
                throw new IllegalStateException("gap at row " + (r + 1));
            }
            for (int d = 0; d < 8; d++) {
                values[d][r - 1] = cells[d + 1].isBlank() ? Double.NaN : Double.parseDouble(cells[d + 1]);
            }
        }
        Map<String, DailySeries> out = new LinkedHashMap<>();
        for (int d = 0; d < 8; d++) {
            out.put("pharma " + header[d + 1], new DailySeries(first, values[d]));
        }
        return out;
    }

    /** dateday (ISO) is column 1, cnt the last column. */
    private static DailySeries readBike(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        double[] values = new double[lines.size() - 1];
        LocalDate first = LocalDate.parse(lines.get(1).split(",")[1]);
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            if (!LocalDate.parse(cells[1]).equals(first.plusDays(r - 1L))) {
                throw new IllegalStateException("gap at row " + (r + 1));
            }
            values[r - 1] = Double.parseDouble(cells[cells.length - 1]);
        }
        return new DailySeries(first, values);
    }

    /** Seed products: daily sums of clean rows, days without a row = 0, products with >= 365 days. */
    private static Map<String, DailySeries> readSeedProducts(Path file) throws IOException {
        Map<String, TreeMap<LocalDate, Double>> sums = new TreeMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            try {
                LocalDate date = LocalDate.parse(cells[0].trim());
                double sales = Double.parseDouble(cells[2].trim());
                sums.computeIfAbsent(cells[1].trim(), k -> new TreeMap<>()).merge(date, sales, Double::sum);
            } catch (RuntimeException skipped) {
                // messy rows are the ingest layer's business
            }
        }
        Map<String, DailySeries> out = new LinkedHashMap<>();
        sums.forEach((product, byDate) -> {
            LocalDate first = byDate.firstKey();
            double[] values = new double[(int) (byDate.lastKey().toEpochDay() - first.toEpochDay()) + 1];
            byDate.forEach((date, v) -> values[(int) (date.toEpochDay() - first.toEpochDay())] = v);
            if (values.length >= 365) {
                out.put("seed " + product, new DailySeries(first, values));
            }
        });
        return out;
    }
}
