package org.stockcast.forecastservice;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockcast.forecastservice.watch.ModelWatcher;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.ensemble.TestVersions;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.store.ModelStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forecast latency, throughput and hot-swap figures (BENCHMARKS.md). Builds one model version from the real pharma
 * data (Prophet-default additive models, default-shape LSTM with 3 epochs; cached under bench-work/), starts the
 * service in this JVM on a real port and drives it with java.net.http clients:
 * <ul>
 *   <li>per scenario x horizon: sequential latency p50/p99 and closed-loop throughput with {@code clients} threads;
 *   <li>cold on-demand fits (first request of a filter combination without a precomputed model);
 *   <li>{@code swaps} publishes of a new version: time from publish (rename done) to the first response carrying
 *       it, with background clients counting failed requests.
 * </ul>
 * Run: {@code mvn -q -pl forecast-service -am test-compile exec:java
 *   -Dexec.mainClass=org.stockcast.forecastservice.ForecastBenchmark -Dexec.classpathScope=test
 *   -Dexec.args="seconds=5 clients=8 swaps=20 serve=0"}. With {@code serve=N} it also keeps serving N seconds on
 * port 18001 for an external load generator (wrk).
 */
public final class ForecastBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ForecastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            for (String part : arg.split("\\s+")) {
                if (part.contains("=")) {
                    options.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                }
            }
        }
        Path work = Path.of(options.getOrDefault("work", "bench-work/forecast")).toAbsolutePath();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "5"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int swaps = Integer.parseInt(options.getOrDefault("swaps", "20"));
        int serve = Integer.parseInt(options.getOrDefault("serve", "0"));
        int port = Integer.parseInt(options.getOrDefault("port", "18001"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));

        Path source = work.resolve("source");
        ModelStore sourceStore = new ModelStore(source, 5);
        if (sourceStore.versions().isEmpty()) {
            long t = System.nanoTime();
            SalesTable table = TestVersions.table(TestVersions.pharmaAsLongCsv(
                    TestVersions.sharedData("real/pharma-salesdaily.csv")));
            EnsembleModel model = TestVersions.build(table, AdditiveConfig.defaults(),
                    LstmConfig.defaults().withEpochs(3));
            TestVersions.publish(sourceStore, model);
            System.out.printf(Locale.ROOT, "built benchmark version from pharma data (%d rows) in %.1f s%n",
                    table.size(), (System.nanoTime() - t) / 1e9);
        }
        Path sourceVersion = sourceStore.versionDir(sourceStore.versions().get(0));
        Path models = work.resolve("models");
        TestFiles.deleteTree(models);
        Files.createDirectories(models);
        copyVersion(sourceVersion, models, 1);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(ForecastServiceApplication.class).run(
                "--server.port=" + port, "--inventory.model-dir=" + models,
                "--inventory.watch.poll-interval=2s", "--logging.level.root=WARN",
                "--logging.level.org.stockcast.forecastservice.watch=INFO");
        try {
            Http http = new Http(port);
            ModelWatcher watcher = app.getBean(ModelWatcher.class);
            awaitWarm(watcher, 1);
            EnsembleModel served = watcher.current().orElseThrow().model();
            System.out.printf(Locale.ROOT, "serving version 1: %d rows, %d precomputed series, cores=%d%n",
                    served.dataset().size(), served.additiveModels().size(),
                    Runtime.getRuntime().availableProcessors());

            Map<String, String> scenarios = new LinkedHashMap<>();
            scenarios.put("product N02BE (precomputed)", "\"product_id\":\"N02BE\"");
            scenarios.put("category N (precomputed)", "\"category\":\"N\"");
            scenarios.put("product M01AB + category M (on demand, cached after 1st)",
                    "\"product_id\":\"M01AB\",\"category\":\"M\"");
            // JIT warm-up on every scenario before anything is measured.
            for (String filter : scenarios.values()) {
                for (int days : new int[] {7, 30, 365}) {
                    closedLoop(port, "{\"days\":" + days + "," + filter + "}", clients, 1);
                }
            }
            System.out.println();
            System.out.println("| scenario | days | p50 ms | p99 ms | req/s (" + clients + " clients) | p99 ms under load "
                    + "| server KB allocated/request |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
                for (int days : new int[] {7, 30, 365}) {
                    String body = "{\"days\":" + days + "," + scenario.getValue() + "}";
                    check(http.postJson("/forecast", body));
                    double[] sequential = sequentialLatencies(http, body, 300, 2000);
                    Load load = closedLoop(port, body, clients, seconds);
                    System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.0f | %.2f | %.1f |%n", scenario.getKey(),
                            days, percentile(sequential, 50), percentile(sequential, 99), load.perSecond(),
                            percentile(load.latencies(), 99), load.serverBytesPerRequest() / 1024);
                }
            }

            // Open loop at a fixed rate: latency counted from the intended send time (no coordinated omission).
            System.out.println();
            System.out.println("| scenario | days | offered req/s | achieved req/s | p50 ms | p99 ms | p99.9 ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Map.Entry<String, String> scenario : scenarios.entrySet()) {
                for (int days : new int[] {7, 30, 365}) {
                    String body = "{\"days\":" + days + "," + scenario.getValue() + "}";
                    Load load = openLoop(port, body, rate, seconds, 16);
                    System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f |%n", scenario.getKey(),
                            days, rate, load.perSecond(), percentile(load.latencies(), 50),
                            percentile(load.latencies(), 99), percentile(load.latencies(), 99.9));
                }
            }

            // Cold: combinations never asked before (each fits an additive model; the LSTM is never trained).
            List<String> drugs = List.of("M01AB", "M01AE", "N02BA", "N02BE", "N05B", "N05C", "R03", "R06");
            double[] cold = new double[drugs.size()];
            for (int i = 0; i < drugs.size(); i++) {
                String body = "{\"days\":30,\"product_id\":\"" + drugs.get(i) + "\",\"category\":\""
                        + drugs.get(i).charAt(0) + "\"}";
                if (i == 0) {
                    body = "{\"days\":30,\"product_id\":\"M01AB\",\"region\":\"none\"}";
                }
                long t = System.nanoTime();
                HttpResponse<String> response = http.postJson("/forecast", body);
                cold[i] = (System.nanoTime() - t) / 1e6;
                if (response.statusCode() != 200 && response.statusCode() != 404) {
                    throw new IllegalStateException(response.body());
                }
            }
            System.out.printf(Locale.ROOT, "%ncold on-demand filter (first request: additive fit on %d days + "
                            + "365-day LSTM rollout), %d filters: p50 %.0f ms, max %.0f ms%n",
                    served.dataset().dailySeries(SalesFilter.ALL).orElseThrow().length(), cold.length,
                    percentile(cold, 50), percentile(cold, 100));

            if (serve > 0) {
                System.out.printf("serving on port %d for %d s (wrk)%n", port, serve);
                System.out.flush();
                Thread.sleep(serve * 1000L);
            }

            swapBenchmark(http, port, watcher, models, sourceVersion, swaps, clients);
        } finally {
            app.close();
        }
    }

    record Load(double perSecond, double[] latencies, int failures, double serverBytesPerRequest) {
    }

    /** Bytes allocated so far by the server's request threads (Tomcat's http-nio-* workers). */
    private static long serverAllocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("http-nio-")) {
                total += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return total;
    }

    private static void swapBenchmark(Http http, int port, ModelWatcher watcher, Path models, Path sourceVersion,
                                      int swaps, int clients) throws Exception {
        String body = "{\"days\":30,\"product_id\":\"N02BE\"}";
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        AtomicLong requests = new AtomicLong();
        List<Thread> background = new ArrayList<>();
        for (int c = 0; c < Math.max(1, clients / 2); c++) {
            Thread thread = new Thread(() -> {
                Http own = new Http(port);
                while (running.get()) {
                    if (own.postJson("/forecast", body).statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                    requests.incrementAndGet();
                }
            });
            thread.setDaemon(true);
            thread.start();
            background.add(thread);
        }
        double[] visible = new double[swaps];
        for (int s = 0; s < swaps; s++) {
            int next = new ModelStore(models, 5).versions().get(0) + 1;
            // Publish as the store does: complete directory under a temp name, then one rename.
            Path temp = models.resolve(".tmp-bench-" + next);
            copyTree(sourceVersion, temp);
            Files.move(temp, models.resolve(Integer.toString(next)), StandardCopyOption.ATOMIC_MOVE);
            long published = System.nanoTime();
            while (true) {
                HttpResponse<String> response = http.postJson("/forecast", body);
                if (response.statusCode() == 200
                        && JSON.readTree(response.body()).get("model_version").asInt() == next) {
                    break;
                }
                Thread.sleep(5);
            }
            visible[s] = (System.nanoTime() - published) / 1e6;
            awaitWarm(watcher, next);
        }
        running.set(false);
        for (Thread thread : background) {
            thread.join(10_000);
        }
        System.out.printf(Locale.ROOT, "%npublish -> first response from the new version, %d swaps (poll interval "
                        + "2 s): p50 %.0f ms, p99 %.0f ms, max %.0f ms; background requests %d, failed %d%n", swaps,
                percentile(visible, 50), percentile(visible, 99), percentile(visible, 100), requests.get(),
                failures.get());
    }

    private static void awaitWarm(ModelWatcher watcher, int version) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            var loaded = watcher.current();
            if (loaded.isPresent() && loaded.get().version() == version && loaded.get().model().additiveModels()
                    .keySet().stream().allMatch(key -> loaded.get().model().isCached(SeriesKey.filter(key)
                            .orElseThrow()))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("version " + version + " never warmed");
    }

    private static double[] sequentialLatencies(Http http, String body, int warmUp, int n) {
        for (int i = 0; i < warmUp; i++) {
            check(http.postJson("/forecast", body));
        }
        double[] latencies = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            check(http.postJson("/forecast", body));
            latencies[i] = (System.nanoTime() - t) / 1e6;
        }
        return latencies;
    }

    private static Load closedLoop(int port, String body, int clients, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger failures = new AtomicInteger();
        List<double[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger[] counts = new AtomicInteger[clients];
        for (int c = 0; c < clients; c++) {
            double[] latencies = new double[2_000_000];
            perClient.add(latencies);
            AtomicInteger count = new AtomicInteger();
            counts[c] = count;
            Thread thread = new Thread(() -> {
                Http own = new Http(port);
                for (int i = 0; i < 50; i++) {
                    own.postJson("/forecast", body);
                }
                while (running.get()) {
                    long t = System.nanoTime();
                    if (own.postJson("/forecast", body).statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                    int i = count.getAndIncrement();
                    if (i < latencies.length) {
                        latencies[i] = (System.nanoTime() - t) / 1e6;
                    }
                }
            });
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep(500);
        int[] before = Arrays.stream(counts).mapToInt(AtomicInteger::get).toArray();
        long allocatedBefore = serverAllocatedBytes();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        int[] after = Arrays.stream(counts).mapToInt(AtomicInteger::get).toArray();
        long allocated = serverAllocatedBytes() - allocatedBefore;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        long done = 0;
        List<Double> window = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done += after[c] - before[c];
            for (int i = before[c]; i < Math.min(after[c], perClient.get(c).length); i++) {
                window.add(perClient.get(c)[i]);
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " failed requests");
        }
        return new Load(done / elapsed, window.stream().mapToDouble(Double::doubleValue).toArray(), failures.get(),
                (double) allocated / Math.max(1, done));
    }

    private static Load openLoop(int port, String body, int rate, int seconds, int threads)
            throws InterruptedException {
        long interval = 1_000_000_000L * threads / rate;
        long start = System.nanoTime() + 100_000_000L;
        long end = start + seconds * 1_000_000_000L;
        AtomicInteger failures = new AtomicInteger();
        List<List<Double>> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Double> latencies = new ArrayList<>();
            perThread.add(latencies);
            long first = start + t * (1_000_000_000L / rate);
            Thread thread = new Thread(() -> {
                Http own = new Http(port);
                own.postJson("/forecast", body);
                for (long intended = first; intended < end; intended += interval) {
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    if (own.postJson("/forecast", body).statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - intended) / 1e6);
                }
            });
            workers.add(thread);
            thread.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (Math.max(System.nanoTime(), end) - start) / 1e9;
        double[] all = perThread.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " failed requests");
        }
        return new Load(all.length / elapsed, all, failures.get(), Double.NaN);
    }

    private static void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void copyVersion(Path from, Path models, int version) throws IOException {
        Path temp = models.resolve(".tmp-bench");
        copyTree(from, temp);
        Files.move(temp, models.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
