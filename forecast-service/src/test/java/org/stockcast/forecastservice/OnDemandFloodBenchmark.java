package org.stockcast.forecastservice;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockcast.forecastservice.watch.ModelWatcher;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.SeriesKey;
import org.stockcast.model.ensemble.TestVersions;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.store.ModelStore;

/**
 * Issue 12: a flood of distinct numeric filters (each needs an on-demand additive fit) must not take the cores from
 * cached product forecasts. One version of the bundled data/master.csv (Prophet-default additive models, 17
 * precomputed series, default-shape LSTM trained 1 epoch; cached under bench-work/flood), served in this JVM.
 * Per configuration ({@code modes=bounded}: the defaults; {@code unbounded}: 200 fit threads, queue 10,000, i.e.
 * what fitting on the request thread amounted to), two phases of {@code seconds} each: product forecasts alone, then
 * the same product forecasts while {@code flood} requests per second with random {@code max_price} values arrive.
 * Product forecasts go out open loop at {@code rate} per second from one sender; latency counts from the intended
 * send time (no coordinated omission). Prints a table for BENCHMARKS.md. Run (see BENCHMARKS.md):
 * {@code mvn -B -q -pl forecast-service -am test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java
 * -Dexec.skip=true -Dexec.mainClass=org.stockcast.forecastservice.OnDemandFloodBenchmark
 * -Dexec.args="seconds=20 flood=200 rate=50"}.
 */
public final class OnDemandFloodBenchmark {
    private static final String[] PRODUCTS = {"M01AB", "M01AE", "N02BA", "N02BE", "N05B", "N05C", "R03", "R06"};

    private OnDemandFloodBenchmark() {
    }

    record Phase(String name, double[] productLatencies, Map<Integer, Integer> floodStatuses, int floodSent) {
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
        Path work = Path.of(options.getOrDefault("work", "bench-work/flood")).toAbsolutePath();
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int flood = Integer.parseInt(options.getOrDefault("flood", "200"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int port = Integer.parseInt(options.getOrDefault("port", "18011"));
        List<String> modes = List.of(options.getOrDefault("modes", "bounded").split(","));

        Path source = work.resolve("source");
        ModelStore sourceStore = new ModelStore(source, 5);
        if (sourceStore.versions().isEmpty()) {
            long t = System.nanoTime();
            Path master = Stream.of(Path.of("data/master.csv"), Path.of("../data/master.csv"))
                    .filter(Files::isRegularFile).findFirst().orElseThrow();
            SalesTable table = TestVersions.table(master);
            EnsembleModel model = TestVersions.build(table, AdditiveConfig.defaults(),
                    LstmConfig.defaults().withEpochs(1));
            TestVersions.publish(sourceStore, model);
            System.out.printf(Locale.ROOT, "built benchmark version from %s (%d rows) in %.1f s%n", master,
                    table.size(), (System.nanoTime() - t) / 1e9);
        }
        Path sourceVersion = sourceStore.versionDir(sourceStore.versions().get(0));
        System.out.printf(Locale.ROOT, "cores=%d, max heap %d MB, product rate %d/s, flood %d distinct filters/s,"
                + " %d s per phase%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, rate, flood, seconds);

        List<String> rows = new ArrayList<>();
        for (String mode : modes) {
            Path models = work.resolve("models-" + mode);
            TestFiles.deleteTree(models);
            Files.createDirectories(models);
            // Complete before it appears: the watcher must never see a half-copied version.
            copyTree(sourceVersion, models.resolve(".tmp-bench"));
            Files.move(models.resolve(".tmp-bench"), models.resolve("1"), StandardCopyOption.ATOMIC_MOVE);
            List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                    "--inventory.model-dir=" + models, "--logging.level.root=WARN"));
            if (mode.equals("unbounded")) {
                arguments.addAll(List.of("--inventory.fits.threads=200", "--inventory.fits.queue=10000",
                        "--server.tomcat.threads.max=400"));
            }
            System.out.println("mode " + mode + " ...");
            ConfigurableApplicationContext app = new SpringApplicationBuilder(ForecastServiceApplication.class)
                    .run(arguments.toArray(String[]::new));
            try {
                awaitWarm(app.getBean(ModelWatcher.class));
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                // JIT warm-up of the cached path.
                run(client, port, rate, 0, 5, new Random(1));
                for (Phase phase : List.of(run(client, port, rate, 0, seconds, new Random(2)),
                        run(client, port, rate, flood, seconds, new Random(3)))) {
                    rows.add(String.format(Locale.ROOT, "| %s | %s | %d of %d | %.2f | %.2f | %.2f | %.2f | %s |",
                            mode, phase.name(), phase.productLatencies().length, rate * seconds,
                            percentile(phase.productLatencies(), 50), percentile(phase.productLatencies(), 99),
                            percentile(phase.productLatencies(), 99.9), percentile(phase.productLatencies(), 100),
                            phase.floodSent() == 0 ? "-" : phase.floodSent() + " sent: " + phase.floodStatuses()));
                    System.out.println(rows.get(rows.size() - 1));
                    System.out.flush();
                }
            } finally {
                app.close();
            }
        }
        System.out.println();
        System.out.println("| fits | phase | product requests | p50 ms | p99 ms | p99.9 ms | max ms | flood answers |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    /** One phase: product forecasts at {@code rate}/s, and {@code flood}/s distinct numeric filters alongside. */
    private static Phase run(HttpClient client, int port, int rate, int flood, int seconds, Random random)
            throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/forecast");
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(flood > 0);
        ScheduledExecutorService floodTimer = Executors.newSingleThreadScheduledExecutor();
        if (flood > 0) {
            Random prices = new Random(random.nextLong());
            floodTimer.scheduleAtFixedRate(() -> {
                if (!flooding.get()) {
                    return;
                }
                // Four decimals of a random price: every request is a filter never seen before.
                String body = String.format(Locale.ROOT, "{\"days\":30,\"max_price\":%.4f}",
                        2 + 8 * prices.nextDouble());
                sent.incrementAndGet();
                client.sendAsync(post(uri, body), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, error) -> statuses.merge(error == null ? response.statusCode() : -1,
                                1, Integer::sum));
            }, 0, 1_000_000 / flood, TimeUnit.MICROSECONDS);
        }
        long intervalNanos = 1_000_000_000L / rate;
        int total = rate * seconds;
        double[] latencies = new double[total];
        long start = System.nanoTime();
        // A saturated server cannot hold the schedule: stop at half as long again and report what was answered.
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds) * 3 / 2;
        int done = 0;
        for (int i = 0; i < total && System.nanoTime() < deadline; i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String body = "{\"days\":30,\"product_id\":\"" + PRODUCTS[i % PRODUCTS.length] + "\"}";
            HttpResponse<String> response = client.send(post(uri, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("product forecast " + response.statusCode() + ": " + response.body());
            }
            latencies[i] = (System.nanoTime() - intended) / 1e6;
            done++;
        }
        flooding.set(false);
        floodTimer.shutdownNow();
        return new Phase(flood > 0 ? "with flood" : "alone", Arrays.copyOf(latencies, done),
                new java.util.TreeMap<>(statuses),
                sent.get());
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void awaitWarm(ModelWatcher watcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            var loaded = watcher.current();
            if (loaded.isPresent() && loaded.get().model().additiveModels().keySet().stream()
                    .allMatch(key -> loaded.get().model().isCached(SeriesKey.filter(key).orElseThrow()))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("version never warmed");
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
