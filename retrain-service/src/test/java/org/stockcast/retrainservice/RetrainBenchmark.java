package org.stockcast.retrainservice;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.TestData;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.retrainservice.support.Http;
import org.stockcast.retrainservice.support.Multipart;
import org.stockcast.retrainservice.support.SeedData;
import org.stockcast.retrainservice.support.SseEvent;
import org.stockcast.retrainservice.support.SseReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end retrain time with the default settings (50 epochs, early stopping): start the real service on a
 * master dataset (the repository's data/ or large_dataset.csv), let it train version 1, then upload the P021
 * sample over HTTP and time upload -> published version, split by stage. Prints a Markdown table.
 * <p>
 * Run: {@code retrain-service/bench/retrain-benchmark.sh [default,large]} (builds offline, then runs this class
 * with the service JVM settings: -Xmx1g, OMP_NUM_THREADS=1).
 * Scenarios: -Dbench.scenarios=default,large.
 */
public final class RetrainBenchmark {
    private static final JsonMapper JSON = new JsonMapper();
    private static final List<String> STAGES = List.of("validate", "merge", "additive", "lstm", "evaluate", "publish");

    private RetrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String scenarios = System.getProperty("bench.scenarios", "default,large");
        System.out.println("| master dataset | rows | job | " + String.join(" | ", STAGES)
                + " | end-to-end | process CPU | epochs run | fine-tuned | load avg |");
        System.out.println("|---|---|---|" + "---|".repeat(STAGES.size()) + "---|---|---|---|---|");
        for (String scenario : scenarios.split(",")) {
            run(scenario.strip());
        }
    }

    private static void run(String scenario) throws Exception {
        Path root = Files.createTempDirectory("retrain-bench-");
        Path data = root.resolve("data");
        Files.createDirectories(data);
        switch (scenario) {
            case "default" -> copyRepositoryData(data);
            case "large" -> {
                try (InputStream in = Files.newInputStream(SeedData.seedFile("large_dataset.csv"))) {
                    new MasterDataset(data).write(CsvIngest.read(in, "large_dataset.csv", IngestLimits.DEFAULTS));
                }
            }
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        }
        int rows = new MasterDataset(data).load().size();
        SpringApplication app = new SpringApplication(RetrainServiceApplication.class);
        // Command-line arguments outrank application.yml (default properties would not: ./data would be used).
        String[] arguments = {"--server.port=0", "--inventory.data-dir=" + data, "--inventory.model-dir="
                + root.resolve("models"), "--logging.level.root=WARN", "--spring.main.banner-mode=off"};
        long cpuAtStart = processCpuNanos();
        try (ConfigurableApplicationContext context = app.run(arguments)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Http http = new Http(port);
            JsonNode bootstrap = awaitBootstrap(http);
            print(scenario, rows, "start-up: version 1 from scratch", bootstrap.get("result"),
                    seconds(bootstrap.get("createdAt").asString(), bootstrap.get("finishedAt").asString()),
                    (processCpuNanos() - cpuAtStart) / 1e9);

            long cpuBefore = processCpuNanos();
            long started = System.nanoTime();
            HttpResponse<InputStream> response = http.stream(http.post("/retrain", Multipart.file("file",
                    "sample_dataset_P021_P022.csv", "text/csv", Files.readAllBytes(SeedData.sampleP021()))));
            List<SseEvent> events;
            try (SseReader reader = new SseReader(response.body())) {
                events = reader.readAll();
            }
            double wall = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuBefore) / 1e9;
            SseEvent last = events.get(events.size() - 1);
            if (!last.event().equals("result")) {
                throw new IllegalStateException("Upload failed: " + last.data());
            }
            print(scenario, rows, "upload P021 sample (fine-tune)", JSON.readTree(last.data()), wall, cpu);
        } finally {
            FileSystemUtils.deleteRecursively(root);
        }
    }

    private static void print(String scenario, int rows, String job, JsonNode result, double wall, double cpu) {
        JsonNode timings = result.get("timings");
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %d | %s |", scenario, rows, job));
        for (String stage : STAGES) {
            line.append(String.format(Locale.ROOT, " %.2f |", timings.path(stage).asDouble(0)));
        }
        JsonNode lstm = result.get("metrics").get("lstm");
        line.append(String.format(Locale.ROOT, " **%.1f s** | %.1f s | %d | %s | %.2f |", wall, cpu,
                lstm.get("epochs_run").asInt(), lstm.get("fine_tuned").asBoolean(), loadAverage()));
        System.out.println(line);
        System.out.println("<!-- " + scenario + " " + job + " backtest: " + result.get("metrics").get("backtest")
                + " weights: " + result.get("metrics").get("ensemble_weights") + " -->");
    }

    private static JsonNode awaitBootstrap(Http http) throws Exception {
        while (true) {
            JsonNode jobs = JSON.readTree(http.text(http.get("/retrain/jobs")).body());
            if (jobs.isEmpty()) {
                throw new IllegalStateException("The service did not start a first training");
            }
            JsonNode job = jobs.get(0);
            if (!job.get("status").asString().equals("running")) {
                if (!job.get("status").asString().equals("success")) {
                    throw new IllegalStateException("Start-up training failed: " + job);
                }
                return job;
            }
            Thread.sleep(500);
        }
    }

    /** CPU time of this whole process (all threads, native BLAS included): the figure contention does not inflate. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1-minute load average: the machine is shared, so wall times are only comparable at similar load. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(String from, String to) {
        return java.time.Duration.between(java.time.Instant.parse(from), java.time.Instant.parse(to)).toMillis() / 1e3;
    }

    /** The bundled default master dataset, data/master.csv at the repository root. */
    private static void copyRepositoryData(Path target) throws IOException {
        Path master = TestData.bundledMaster();
        Files.copy(master, target.resolve(master.getFileName()));
    }
}
