package org.stockcast.system;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's scale benchmark: both packaged services (ops/jvm options, default settings) on an empty store; the
 * history of {@code bench.products} synthetic products x {@code bench.days} days ({@link SyntheticShop}) uploaded in
 * files under the 50 MB limit, then {@code bench.daily} uploads of one new day for every product. Per upload: the
 * result's stage timings, upload -> result and upload -> served by the forecast service; after each swap the
 * forecast latency of products never asked before (first touch) and asked again (warm), when the background
 * warm-up finished, and then the latency of other products not asked since the swap (served from what the warm-up
 * computed); at the end the peak RSS of both services. Prints Markdown.
 * <p>
 * Run: {@code system-tests/bench/scale-benchmark.sh [products] [daily uploads]}; {@code bench.heap} (e.g. {@code 4g},
 * env {@code BENCH_HEAP} in the script) overrides the options' {@code -Xmx1g} of both services, and each service
 * writes a GC log next to its log file.
 */
public final class ScaleBenchmark {
    private static final List<String> STAGES = List.of("validate", "merge", "additive", "lstm", "evaluate", "publish");
    private static final long MAX_ROWS_PER_FILE = 1_400_000; // about 38 MB at 27 bytes a row
    private static final int SAMPLED_PRODUCTS = 200;

    private final PrintStream out;
    private final SyntheticShop shop;
    private final int products;
    private final Http http = new Http();
    private final List<String> latencyRows = new ArrayList<>();
    private final String heap = System.getProperty("bench.heap", "");
    /** Products whose history is uploaded so far (history files hold whole products, in order): the sample's pool. */
    private int uploadedProducts;

    private ScaleBenchmark(PrintStream out, int products) {
        this.out = out;
        this.products = products;
        this.shop = new SyntheticShop(products, LocalDate.of(2022, 12, 1), 14L);
    }

    public static void main(String[] args) throws Exception {
        int products = Integer.getInteger("bench.products", 1000);
        int days = Integer.getInteger("bench.days", 1095);
        int daily = Integer.getInteger("bench.daily", 3);
        new ScaleBenchmark(System.out, products).run(days, daily);
    }

    private void run(int days, int daily) throws Exception {
        Path root = Files.createTempDirectory("scale-bench-");
        Path data = Files.createDirectories(root.resolve("data"));
        Path models = Files.createDirectories(root.resolve("models"));
        List<Path> history = shop.history(root.resolve("upload"), days, MAX_ROWS_PER_FILE);
        out.printf(Locale.ROOT, "%d products x %d days: %d history file(s), %.1f MB in all%n%n", products, days,
                history.size(), history.stream().mapToLong(ScaleBenchmark::size).sum() / 1e6);
        ServiceProcess retrain = start(ServiceProcess.Service.RETRAIN, data, models);
        ServiceProcess forecast = start(ServiceProcess.Service.FORECAST, data, models);
        try {
            retrain.awaitUp(Duration.ofMinutes(3));
            forecast.awaitUp(Duration.ofMinutes(3));
            RetrainClient client = new RetrainClient(http, retrain.baseUrl());
            out.println("| upload | rows | MB | " + String.join(" | ", STAGES) + " | upload -> result | upload -> "
                    + "served | additive reused | LSTM training, epochs (catch-up) | load avg |");
            out.println("|---|---|---|" + "---|".repeat(STAGES.size()) + "---|---|---|---|---|");
            for (Path file : history) {
                uploadedProducts = (int) Math.min(products, uploadedProducts + (Files.lines(file).count() - 1) / days);
                // Waiting for the warm-up of every history version would add minutes per file at 10,000 products;
                // the last one's is measured (a version no longer served stops warming at once).
                upload(client, forecast, file, "history " + file.getFileName(),
                        file.equals(history.get(history.size() - 1)));
            }
            for (int d = 0; d < daily; d++) {
                upload(client, forecast, shop.day(root.resolve("upload"), days + d), "one new day (" + (d + 1) + ")",
                        true);
            }
            out.println();
            out.println("| after | requests | first touch p50 / p99 / max | warm p50 / p99 / max | "
                    + "warm-up of every precomputed series done after the swap (NaN: not within 10 min, or not "
                    + "awaited before the next upload) | after the warm-up, products not asked since the swap: "
                    + "requests: p50 / p99 / max |");
            out.println("|---|---|---|---|---|---|");
            latencyRows.forEach(out::println);
            out.printf(Locale.ROOT, "%nPeak RSS: retrain-service %d MB, forecast-service %d MB (both -Xmx%s)%n",
                    retrain.peakRssMb(), forecast.peakRssMb(), heap.isEmpty() ? "1g, ops/jvm" : heap);
        } finally {
            retrain.close();
            forecast.close();
            deleteRecursively(root);
        }
    }

    private ServiceProcess start(ServiceProcess.Service service, Path data, Path models) throws IOException {
        Path log = SystemTestEnv.logFile(ScaleBenchmark.class, service.name);
        List<String> jvm = new ArrayList<>();
        if (!heap.isEmpty()) {
            jvm.add("-Xmx" + heap);
            // JavaCPP refuses native allocations (the LSTM) once the whole process's RSS passes this bound, which
            // the options file sets for a 1g heap: keep the same 3 GB of room above the bigger heap.
            jvm.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (gigabytes(heap) + 3) + "G");
        }
        jvm.add("-Xlog:gc:file=" + log.resolveSibling(service.name + "-gc.log") + ":uptime");
        return ServiceProcess.start(service, Ports.free(), data, models, log, jvm, List.of());
    }

    /** "4g" -> 4, "6144m" -> 6 (rounded up). */
    private static long gigabytes(String size) {
        String s = size.toLowerCase(Locale.ROOT);
        long number = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 'g' -> number;
            case 'm' -> (number + 1023) / 1024;
            default -> throw new IllegalArgumentException("bench.heap must end in g or m: " + size);
        };
    }

    private void upload(RetrainClient client, ServiceProcess forecast, Path file, String label, boolean awaitWarmUp)
            throws Exception {
        long rows = Files.lines(file).count() - 1;
        long started = System.nanoTime();
        JsonNode result = client.upload(file.getFileName().toString(), file).success();
        double toResult = (System.nanoTime() - started) / 1e9;
        int version = result.path("modelVersion").asInt();
        awaitServed(forecast, version);
        double toServed = (System.nanoTime() - started) / 1e9;
        long swapped = System.nanoTime();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %,d | %.1f |", label, rows,
                size(file) / 1e6));
        for (String stage : STAGES) {
            line.append(String.format(Locale.ROOT, " %.2f |", result.path("timings").path(stage).asDouble()));
        }
        JsonNode metrics = result.path("metrics");
        JsonNode lstm = metrics.path("lstm");
        line.append(String.format(Locale.ROOT, " %.1f s | **%.1f s** | %d / %d | %s, %d (%d) | %.2f |", toResult,
                toServed, metrics.path("additive_reused").asInt(), metrics.path("additive_models").asInt(),
                lstm.path("training").asString(), lstm.path("epochs_run").asInt(),
                lstm.path("catch_up_epochs").asInt(), loadAverage()));
        out.println(line);
        latencies(forecast, label, version, swapped, awaitWarmUp);
    }

    /**
     * First touch right after the swap (distinct random products, seeded per version), warm: the same again; once the
     * warm-up is done, as many other products (their forecasts computed by the warm-up, not by a request).
     */
    private void latencies(ServiceProcess forecast, String label, int version, long swapped, boolean awaitWarmUp)
            throws Exception {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < uploadedProducts; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(version));
        int sampled = Math.min(SAMPLED_PRODUCTS, uploadedProducts / 2);
        List<String> sample = order.subList(0, sampled).stream().map(shop::productId).toList();
        List<String> untouched = order.subList(sampled, 2 * sampled).stream().map(shop::productId).toList();
        double[] first = timeForecasts(forecast, sample);
        double[] warm = timeForecasts(forecast, sample);
        double warmedAfter = awaitWarmUp ? awaitWarmedUp(forecast, version, swapped) : Double.NaN;
        String afterWarmUp = "not measured";
        if (!Double.isNaN(warmedAfter)) {
            double[] served = timeForecasts(forecast, untouched);
            afterWarmUp = String.format(Locale.ROOT, "%d: %.1f / %.1f / %.1f ms", served.length,
                    percentile(served, 50), percentile(served, 99), percentile(served, 100));
        }
        String row = String.format(Locale.ROOT, "| %s (version %d) | %d + %d | %.1f / %.1f / %.1f ms | "
                        + "%.1f / %.1f / %.1f ms | %.1f s | %s |", label, version, sample.size(), sample.size(),
                percentile(first, 50), percentile(first, 99), percentile(first, 100), percentile(warm, 50),
                percentile(warm, 99), percentile(warm, 100), warmedAfter, afterWarmUp);
        out.println("<!-- latency " + row + " -->"); // as it comes: a long run may be cut short
        latencyRows.add(row);
    }

    private double[] timeForecasts(ServiceProcess forecast, List<String> productIds) throws Exception {
        double[] millis = new double[productIds.size()];
        for (int i = 0; i < millis.length; i++) {
            long t0 = System.nanoTime();
            Http.Response r = http.postJson(forecast.baseUrl() + "/forecast",
                    "{\"days\":30,\"product_id\":\"" + productIds.get(i) + "\"}");
            millis[i] = (System.nanoTime() - t0) / 1e6;
            if (r.status() != 200) {
                throw new IllegalStateException("forecast of " + productIds.get(i) + ": " + r);
            }
        }
        return millis;
    }

    private void awaitServed(ServiceProcess forecast, int version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response r = http.get(forecast.baseUrl() + "/model");
            if (r.status() == 200 && r.json().path("model_version").asInt() == version) {
                return;
            }
            Thread.sleep(50); // polling a running service, not synchronising threads
        }
        throw new IllegalStateException("version " + version + " not served after 10 minutes\n"
                + forecast.logTail(40));
    }

    /** Seconds from the swap until the forecast service logged the warm-up of this version as done. */
    private static double awaitWarmedUp(ServiceProcess forecast, int version, long swapped) throws Exception {
        String done = " series of version " + version + " in ";
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (forecast.logSinceLaunch().stream().anyMatch(l -> l.contains("Warmed ") && l.contains(done))) {
                return (System.nanoTime() - swapped) / 1e9;
            }
            Thread.sleep(200); // polling a log file
        }
        return Double.NaN;
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
