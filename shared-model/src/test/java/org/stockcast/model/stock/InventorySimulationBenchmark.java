package org.stockcast.model.stock;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.ensemble.ForecastDemand;

/**
 * Replays held-back demand day by day through a weekly review (lead time 5 days, fixed or with a standard deviation
 * of 1.5 days) driven by each policy's advice, re-forecast at every review from the history up to that day
 * ({@link ReviewForecasts}), and prints per series the achieved cycle service level, fill rate, average stock on
 * hand and number of orders at 90/95/99% (Markdown). Policies: the new advice (order up to its maximum at every
 * review: a weekly check can only protect with the lead-time + review quantile), today's formula ordering at its
 * reorder point and every review, and the old Python formula. Unserved demand is lost; the new advice is also
 * replayed with backorders, the case its cycle service level is defined for, and its CSLs come with their 95%
 * interval ({@link SimulationTables#wilson}). Run from the repository root:
 * mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.stockcast.model.stock.InventorySimulationBenchmark
 * Data: ../shared/data (falling back to /work/shared/data), or -Dexec.args=/path/to/shared/data; or
 * -Dexec.args="a.csv b.csv": those upload-format files, one series each, instead.
 */
public final class InventorySimulationBenchmark {
    static final int LEAD_TIME = 5;
    static final int REVIEW = 7;
    static final double[] LEAD_TIME_STDS = {0, 1.5};
    static final double[] LEVELS = {0.90, 0.95, 0.99};
    /** Three years held back where the series allows it, at least a year of training before. */
    static final int MAX_TEST_DAYS = 3 * 364;
    static final int MIN_TRAINING_DAYS = 365;
    /** Order rules simulated on the pharma drug groups at 95%, fixed lead time: packs of 10, at least 20 units. */
    static final InventoryPolicy PACKS = new InventoryPolicy(0.95, LEAD_TIME, REVIEW, 0, 10, 20);
    static final List<String> PACK_RULES = List.of("new", "current every review");
    /** The new policy replayed with backorders: the definition of the advice's cycle service level. */
    static final String BACKORDERED = "new, backorders";
    /** The old Python system took the std of the forecast values of the request, 7 days by default. */
    static final int PYTHON_FORECAST_DAYS = 7;

    private InventorySimulationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> files = java.util.Arrays.stream(args).filter(a -> a.endsWith(".csv")).map(Path::of).toList();
        if (!files.isEmpty()) {
            run(SimulationSeries.files(files), System.out);
            return;
        }
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        if (!Files.exists(data.resolve("real/pharma-salesdaily.csv"))) {
            data = Path.of("/work/shared/data");
        }
        run(SimulationSeries.all(data), System.out);
    }

    /** One policy: its levels at a review, given the review's knowledge and the service level. */
    private interface Rule {
        InventorySimulation.Levels levels(ReviewForecasts.Review review, InventoryPolicy policy);
    }

    static void run(Map<String, DailySeries> series, PrintStream out) {
        out.printf(Locale.ROOT, "JVM %s, %d cores, load average %.1f at start%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("new", InventorySimulationBenchmark::advised);
        rules.put("current at ROP", (r, p) -> current(r, p, false));
        rules.put("current every review", (r, p) -> current(r, p, true));
        rules.put("old Python", InventorySimulationBenchmark::python);
        // series -> (std, level) -> rule -> result
        Map<String, Map<String, Map<String, InventorySimulation.Result>>> results = new LinkedHashMap<>();
        // series -> (std, level) -> compared rule -> today's formula at the new policy's achieved service
        Map<String, Map<String, Map<String, Optional<MatchedService.Match>>>> matched = new LinkedHashMap<>();
        // series -> rule -> (single units, order rules)
        Map<String, Map<String, InventorySimulation.Result[]>> packs = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (Map.Entry<String, DailySeries> s : series.entrySet()) {
            int n = s.getValue().length();
            int test = Math.min(MAX_TEST_DAYS, (n - MIN_TRAINING_DAYS) / REVIEW * REVIEW);
            List<ReviewForecasts.Review> reviews = ReviewForecasts.of(s.getValue(), n - test, REVIEW, test / REVIEW);
            double[] demand = java.util.Arrays.copyOfRange(s.getValue().values(), n - test, n);
            Map<String, Map<String, InventorySimulation.Result>> bySetting = new LinkedHashMap<>();
            Map<String, Map<String, Optional<MatchedService.Match>>> matchedBySetting = new LinkedHashMap<>();
            for (double std : LEAD_TIME_STDS) {
                int[] leads = leadTimes(reviews.size(), std, s.getKey().hashCode());
                for (double level : LEVELS) {
                    InventoryPolicy policy = new InventoryPolicy(level, LEAD_TIME, REVIEW, std, 1, 0);
                    Map<String, InventorySimulation.Result> byRule = new LinkedHashMap<>();
                    rules.forEach((name, rule) -> {
                        List<InventorySimulation.Levels> levels = reviews.stream()
                                .map(r -> rule.levels(r, policy)).toList();
                        byRule.put(name, InventorySimulation.run(demand, REVIEW, leads, levels.get(0).maximum(),
                                levels::get));
                        if (name.equals("new")) {
                            byRule.put(BACKORDERED, InventorySimulation.run(demand, REVIEW, leads,
                                    levels.get(0).maximum(), levels::get, Math::ceil,
                                    InventorySimulation.Unmet.BACKORDERED));
                        }
                    });
                    bySetting.put(key(std, level), byRule);
                    List<MatchedService.Textbook> textbook = reviews.stream().map(r -> textbook(r, policy)).toList();
                    double target = byRule.get("new").cycleServiceLevel();
                    Map<String, Optional<MatchedService.Match>> byCompared = new LinkedHashMap<>();
                    for (String compared : SimulationTables.COMPARED) {
                        byCompared.put(compared, MatchedService.find(demand, REVIEW, leads, textbook,
                                compared.equals("current every review"), target));
                    }
                    matchedBySetting.put(key(std, level), byCompared);
                }
            }
            if (s.getKey().matches("pharma [A-Z0-9]+")) {
                int[] fixed = leadTimes(reviews.size(), 0, 0);
                Map<String, InventorySimulation.Result[]> byRule = new LinkedHashMap<>();
                for (String name : PACK_RULES) {
                    List<InventorySimulation.Levels> levels = reviews.stream()
                            .map(r -> rules.get(name).levels(r, PACKS)).toList();
                    byRule.put(name, new InventorySimulation.Result[] {
                        bySetting.get(key(0, PACKS.serviceLevel())).get(name),
                        InventorySimulation.run(demand, REVIEW, fixed, levels.get(0).maximum(), levels::get,
                                PACKS::orderQuantity, InventorySimulation.Unmet.LOST)});
                }
                packs.put(s.getKey(), byRule);
            }
            results.put(s.getKey(), bySetting);
            matched.put(s.getKey(), matchedBySetting);
        }
        out.printf(Locale.ROOT, "%d series simulated in %.0f s%n", series.size(), (System.nanoTime() - started) / 1e9);
        List<String> columns = new java.util.ArrayList<>(rules.keySet());
        columns.add(1, BACKORDERED);
        SimulationTables.print(series, results, columns, out);
        SimulationTables.printMatched(results, matched, out);
        SimulationTables.printPacks(packs, out);
    }

    static String key(double std, double level) {
        return std + "/" + level;
    }

    /** The new advice, read for a weekly check: order up to the maximum whenever below it. */
    private static InventorySimulation.Levels advised(ReviewForecasts.Review r, InventoryPolicy policy) {
        InventoryAdvice advice = InventoryAdvisor.advise(r.history(), r.forecast(),
                ForecastDemand.of(r.history(), r.forecast(), ErrorPaths.of(r.errorPaths())), policy,
                OptionalDouble.empty());
        return new InventorySimulation.Levels(advice.maximumLevel(), advice.maximumLevel());
    }

    /** Today's formula before this change: z * week-on-week sigma * sqrt(L); maximum = ROP + review demand. */
    private static InventorySimulation.Levels current(ReviewForecasts.Review r, InventoryPolicy policy,
                                                      boolean everyReview) {
        return textbook(r, policy).levels(1, everyReview);
    }

    static MatchedService.Textbook textbook(ReviewForecasts.Review r, InventoryPolicy policy) {
        return textbook(r.forecast(), policy, InventoryAdvisor.dailyVariability(r.history().values()));
    }

    /** The old Python system: z * std of the forecast values * sqrt(L), ordering at its reorder point. */
    private static InventorySimulation.Levels python(ReviewForecasts.Review r, InventoryPolicy policy) {
        double[] shown = java.util.Arrays.copyOf(r.forecast(), PYTHON_FORECAST_DAYS);
        double mean = DailyMean.known(shown);
        double variance = java.util.Arrays.stream(shown).map(v -> (v - mean) * (v - mean)).sum() / shown.length;
        return textbook(r.forecast(), policy, Math.sqrt(variance)).levels(1, false);
    }

    private static MatchedService.Textbook textbook(double[] forecast, InventoryPolicy policy, double sigma) {
        return new MatchedService.Textbook(DailyMean.over(forecast, 0, policy.leadTimeDays()),
                DailyMean.over(forecast, policy.leadTimeDays(), policy.reviewPeriodDays()),
                NormalQuantile.of(policy.serviceLevel()) * sigma * Math.sqrt(policy.leadTimeDays()));
    }

    /** Lead time per review: 5 days, or normal(5, std) rounded to whole days and redrawn below 0 (seeded). */
    static int[] leadTimes(int reviews, double std, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] leads = new int[reviews];
        for (int k = 0; k < reviews; k++) {
            long lead;
            do {
                double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                        * Math.cos(2 * Math.PI * random.nextDouble());
                lead = Math.round(LEAD_TIME + std * gaussian);
            } while (lead < 0);
            leads[k] = (int) lead;
        }
        return leads;
    }

}
