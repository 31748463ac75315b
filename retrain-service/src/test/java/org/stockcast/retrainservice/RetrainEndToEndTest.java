package org.stockcast.retrainservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.store.Manifest;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.store.VersionCheck;
import org.stockcast.retrainservice.retrain.Stage;
import org.stockcast.retrainservice.support.DirSnapshot;
import org.stockcast.retrainservice.support.Http;
import org.stockcast.retrainservice.support.Multipart;
import org.stockcast.retrainservice.support.SeedData;
import org.stockcast.retrainservice.support.SseEvent;
import org.stockcast.retrainservice.support.SseReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real service on a random port over a small master dataset: start-up training of version 1, then uploads
 * of the shared P021/P022 sample through real HTTP, with the SSE stream parsed as a browser would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inventory.lstm.epochs=2", "inventory.lstm.units=8", "inventory.lstm.layers=1", "inventory.lstm.window=7",
        "inventory.retrain.heartbeat=200ms", "inventory.evaluate.holdout-days=28"})
@AutoConfigureMetrics
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainEndToEndTest {
    private static final Path ROOT = tempRoot();
    private static final Path DATA = ROOT.resolve("data");
    private static final Path MODELS = ROOT.resolve("models");
    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        SeedData.writeMaster(DATA);
        registry.add("inventory.data-dir", DATA::toString);
        registry.add("inventory.model-dir", MODELS::toString);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("retrain-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Http http() {
        return new Http(port);
    }

    private ModelStore store() {
        return new ModelStore(MODELS, 5);
    }

    private static Multipart sample() throws IOException {
        return Multipart.file("file", "sample_dataset_P021_P022.csv", "text/csv",
                Files.readAllBytes(SeedData.sampleP021()));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    @Order(1)
    void trainsTheFirstVersionFromTheMasterDatasetAtStartUp() throws Exception {
        awaitIdle();
        JsonNode jobs = json(http().text(http().get("/retrain/jobs")).body());
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("kind").asString()).isEqualTo("bootstrap");
        assertThat(jobs.get(0).get("status").asString()).isEqualTo("success");

        assertThat(store().versions()).containsExactly(1);
        VersionCheck check = store().verify(1);
        assertThat(check.ok()).as(check.detail()).isTrue();
        assertThat(check.manifest().orElseThrow().trainedOnRows()).isEqualTo(SeedData.MASTER_ROWS);
        assertThat(check.manifest().orElseThrow().lastTrainingDate()).isEqualTo(LocalDate.of(2025, 9, 1));
    }

    @Test
    @Order(2)
    void uploadStreamsEveryStageAndPublishesANewVersion() throws Exception {
        awaitIdle();
        int before = store().versions().get(0);
        HttpResponse<InputStream> response = http().stream(http().post("/retrain", sample()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<SseEvent> events;
        try (SseReader reader = new SseReader(response.body())) {
            events = reader.readAll();
        }

        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).id()).isEqualTo(Integer.toString(i + 1));
        }
        List<SseEvent> progress = events.stream().filter(e -> e.event().equals("progress")).toList();
        assertThat(progress.size()).isEqualTo(events.size() - 1);
        SseEvent last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("result");

        List<Stage> stages = progress.stream().map(e -> Stage.valueOf(json(e.data()).get("stage").asString()
                .toUpperCase())).toList();
        assertThat(stages).isSortedAccordingTo(Enum::compareTo);
        assertThat(stages).containsSubsequence(Stage.VALIDATE, Stage.MERGE, Stage.ADDITIVE, Stage.LSTM,
                Stage.EVALUATE, Stage.PUBLISH);
        assertThat(progress).extracting(e -> json(e.data()).get("message").asString())
                .contains("Merging datasets...", "Starting Prophet-style model fit...",
                        "Previous LSTM: model version " + before, "Loading existing LSTM model for fine-tuning...",
                        "Fine-tuned model saved", "Published model version " + (before + 1));

        List<JsonNode> epochs = progress.stream().map(e -> json(e.data())).filter(d -> d.has("epoch")).toList();
        assertThat(epochs).isNotEmpty();
        for (int i = 0; i < epochs.size(); i++) {
            JsonNode epoch = epochs.get(i);
            assertThat(epoch.get("stage").asString()).isEqualTo("lstm");
            assertThat(epoch.get("epoch").asInt()).isEqualTo(i + 1);
            assertThat(epoch.get("epochs").asInt()).isEqualTo(2);
            assertThat(epoch.get("loss").asDouble()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(epoch.get("message").asString()).startsWith("LSTM epoch " + (i + 1) + "/2 - loss=");
        }

        JsonNode result = json(last.data());
        String jobId = result.get("jobId").asString();
        assertThat(json(progress.get(0).data()).get("jobId").asString()).isEqualTo(jobId);
        assertThat(result.get("status").asString()).isEqualTo("success");
        int version = result.get("modelVersion").asInt();
        assertThat(version).isEqualTo(before + 1);
        assertThat(result.get("rowsUploaded").asInt()).isEqualTo(6);
        assertThat(result.get("rowsAdded").asInt()).isEqualTo(5);
        assertThat(result.get("rowsUpdated").asInt()).isEqualTo(1);
        assertThat(result.get("rowsTotal").asInt()).isEqualTo(SeedData.MASTER_ROWS + 5);
        assertThat(result.get("lastTrainingDate").asString()).isEqualTo("2025-09-03");
        JsonNode backtest = result.get("metrics").get("backtest");
        assertThat(backtest.get("lstm_scored").asBoolean()).isTrue();
        for (String kind : List.of("total", "product", "category", "region")) {
            JsonNode week = backtest.get("by_kind").get(kind).get("1-7");
            for (String model : List.of("additive", "lstm", "ensemble", "seasonal_naive")) {
                for (String measure : List.of("mae", "smape", "mase")) {
                    assertThat(week.get(model).get(measure).isNumber()).as(kind + " " + model + " " + measure)
                            .isTrue();
                }
            }
            assertThat(week.get("ensemble").get("coverage").asDouble()).isBetween(0.0, 1.0);
        }
        JsonNode weights = result.get("metrics").get("ensemble_weights");
        assertThat(weights.get("mode").asString()).isEqualTo("auto");
        assertThat(weights.get("total").get("92-365").get("lstm").asDouble()).isZero();
        assertThat(result.get("metrics").get("lstm").get("fine_tuned").asBoolean()).isTrue();
        assertThat(result.get("metrics").get("lstm").get("epochs_run").asInt()).isEqualTo(epochs.size());

        VersionCheck check = store().verify(version);
        assertThat(check.ok()).as(check.detail()).isTrue();
        Manifest manifest = check.manifest().orElseThrow();
        assertThat(manifest.version()).isEqualTo(version);
        assertThat(manifest.trainedOnRows()).isEqualTo(SeedData.MASTER_ROWS + 5);
        assertThat(manifest.lastTrainingDate()).isEqualTo(LocalDate.of(2025, 9, 3));
        assertThat(manifest.files()).containsKeys("lstm.zip", "additive.json", "ensemble.json", "dataset/index.json");
        assertThat(manifest.metrics()).containsKey("backtest");
        assertThat(Files.isRegularFile(store().versionDir(version).resolve("manifest.json"))).isTrue();

        SalesTable master = new MasterDataset(DATA).load();
        assertThat(master.size()).isEqualTo(SeedData.MASTER_ROWS + 5);
        assertThat(sales(master, "2025-09-01", "P021")).isEqualTo(320);
        assertThat(sales(master, "2025-09-03", "P022")).isEqualTo(350);
        assertThat(sales(master, "2025-06-09", "P030")).isPositive();
        assertThat(master.extraColumns()).contains("profit");

        JsonNode status = json(http().text(http().get("/retrain/jobs/" + jobId)).body());
        assertThat(status.get("status").asString()).isEqualTo("success");
        assertThat(status.get("result").get("modelVersion").asInt()).isEqualTo(version);
        assertThat(status.get("events").asString()).isEqualTo("/retrain/jobs/" + jobId + "/events");

        // Replay: the whole stream again, then only what follows Last-Event-ID.
        List<SseEvent> replay = readStream(http().get("/retrain/jobs/" + jobId + "/events"));
        assertThat(replay).isEqualTo(events);
        List<SseEvent> tail = readStream(http().get("/retrain/jobs/" + jobId + "/events")
                .header("Last-Event-ID", Integer.toString(events.size() - 2)));
        assertThat(tail).isEqualTo(events.subList(events.size() - 2, events.size()));
    }

    @Test
    @Order(3)
    void aSecondUploadWhileOneRunsGets409WithTheRunningJobId() throws Exception {
        awaitIdle();
        HttpResponse<String> started = http().text(http().post("/retrain/jobs?epochs=2", sample()));
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode created = json(started.body());
        String jobId = created.get("jobId").asString();
        assertThat(created.get("events").asString()).isEqualTo("/retrain/jobs/" + jobId + "/events");

        HttpResponse<String> second = http().text(http().post("/retrain", sample()));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(second.body()).get("jobId").asString()).isEqualTo(jobId);
        HttpResponse<String> third = http().text(http().post("/retrain/jobs", sample()));
        assertThat(third.statusCode()).isEqualTo(409);

        List<SseEvent> events = readStream(http().get(created.get("events").asString()));
        assertThat(events.get(events.size() - 1).event()).isEqualTo("result");
        assertThat(events.stream().filter(e -> !e.event().equals("progress"))).hasSize(1);
    }

    @Test
    @Order(4)
    void aClientThatDisconnectsMidStreamDoesNotStopTheJob() throws Exception {
        awaitIdle();
        int before = store().versions().get(0);
        HttpResponse<InputStream> response = http().stream(http().post("/retrain?epochs=2&fineTune=false", sample()));
        assertThat(response.statusCode()).isEqualTo(200);
        String jobId;
        try (SseReader reader = new SseReader(response.body())) {
            List<SseEvent> seen = reader.readUntil(e -> json(e.data()).path("stage").asString("").equals("additive"));
            jobId = json(seen.get(0).data()).get("jobId").asString();
        }
        // The client is gone; the job must still publish.
        JsonNode status = awaitFinished(jobId);
        assertThat(status.get("status").asString()).isEqualTo("success");
        int version = status.get("result").get("modelVersion").asInt();
        assertThat(version).isEqualTo(before + 1);
        assertThat(status.get("result").get("metrics").get("lstm").get("fine_tuned").asBoolean()).isFalse();
        assertThat(store().verify(version).ok()).isTrue();
        List<SseEvent> replay = readStream(http().get("/retrain/jobs/" + jobId + "/events"));
        assertThat(replay.get(replay.size() - 1).event()).isEqualTo("result");
    }

    @Test
    @Order(5)
    void aBadFileIsRejectedBeforeStreamingAndChangesNothing() throws Exception {
        awaitIdle();
        Map<String, String> data = DirSnapshot.of(DATA);
        Map<String, String> models = DirSnapshot.of(MODELS);
        int jobs = json(http().text(http().get("/retrain/jobs")).body()).size();

        String bad = "date,product_id,sales\n2025-09-04,P021,12\n2025-09-05,P021,lots\n2025-13-40,P022,5\n";
        // As an SSE client would ask: the problem still comes back as problem+json, not as a stream.
        HttpResponse<String> invalid = http().text(http().post("/retrain",
                Multipart.file("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = json(invalid.body());
        assertThat(problem.get("file").asString()).isEqualTo("bad.csv");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("errors")).hasSize(2);
        assertThat(problem.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problem.get("errors").get(0).get("column").asString()).isEqualTo("sales");
        assertThat(problem.get("errors").get(0).get("value").asString()).isEqualTo("lots");
        assertThat(problem.get("errors").get(1).get("row").asInt()).isEqualTo(4);
        assertThat(problem.get("errors").get(1).get("column").asString()).isEqualTo("date");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        HttpResponse<String> binary = http().text(http().post("/retrain/jobs",
                Multipart.file("file", "photo.csv", "text/csv", png)));
        assertThat(binary.statusCode()).isEqualTo(415);
        assertThat(json(binary.body()).get("file").asString()).isEqualTo("photo.csv");

        HttpResponse<String> headerOnly = http().text(http().post("/retrain",
                Multipart.file("file", "empty.csv", "text/csv", "date,sales\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(headerOnly.statusCode()).isEqualTo(400);

        HttpResponse<String> traversal = http().text(http().post("/retrain",
                Multipart.file("file", "../../etc/evil.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8))));
        assertThat(traversal.statusCode()).isEqualTo(400);
        assertThat(json(traversal.body()).get("file").asString()).isEqualTo("evil.csv");

        assertThat(DirSnapshot.of(DATA)).isEqualTo(data);
        assertThat(DirSnapshot.of(MODELS)).isEqualTo(models);
        assertThat(json(http().text(http().get("/retrain/jobs")).body()).size()).isEqualTo(jobs);
    }

    @Test
    @Order(6)
    void unknownJobsAre404() throws Exception {
        HttpResponse<String> status = http().text(http().get("/retrain/jobs/no-such-job"));
        assertThat(status.statusCode()).isEqualTo(404);
        assertThat(status.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> events = http().text(http().get("/retrain/jobs/no-such-job/events")
                .header("Accept", "text/event-stream"));
        assertThat(events.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void exposesPrometheusMetricsSwaggerUiAndThePage() throws Exception {
        String prometheus = http().text(http().get("/actuator/prometheus")).body();
        assertThat(counter(prometheus, "retrain_jobs_total{status=\"success\"}")).isGreaterThanOrEqualTo(4);
        assertThat(counter(prometheus, "retrain_rows_total")).isGreaterThanOrEqualTo(18);
        assertThat(prometheus).contains("retrain_duration_seconds_count{status=\"success\"}",
                "lstm_epoch_loss{set=\"training\"}", "retrain_stage_duration_seconds_count{stage=\"lstm\"}");

        HttpResponse<String> docs = http().text(http().get("/docs"));
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).containsIgnoringCase("swagger");
        assertThat(http().text(http().get("/v3/api-docs")).body()).contains("/retrain/jobs/{jobId}/events");

        HttpResponse<String> page = http().text(http().get("/retrain-page"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("EventSource", "/retrain/jobs");
    }

    private static double counter(String prometheus, String series) {
        return prometheus.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(
                l -> Double.parseDouble(l.substring(series.length() + 1).trim())).findFirst().orElse(-1);
    }

    private static double sales(SalesTable table, String date, String product) {
        LocalDate day = LocalDate.parse(date);
        for (int i = 0; i < table.size(); i++) {
            if (table.date(i).equals(day) && product.equals(table.productId(i))) {
                return table.sales(i);
            }
        }
        throw new AssertionError("No row " + date + " " + product);
    }

    private List<SseEvent> readStream(java.net.http.HttpRequest.Builder request) throws Exception {
        HttpResponse<InputStream> response = http().stream(request);
        assertThat(response.statusCode()).isEqualTo(200);
        try (SseReader reader = new SseReader(response.body())) {
            return reader.readAll();
        }
    }

    private JsonNode awaitFinished(String jobId) throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = json(http().text(http().get("/retrain/jobs/" + jobId)).body());
            if (!status.get("status").asString().equals("running")) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Job " + jobId + " did not finish in " + JOB_TIMEOUT);
    }

    private void awaitIdle() throws Exception {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> running = new ArrayList<>();
            for (JsonNode job : json(http().text(http().get("/retrain/jobs")).body())) {
                if (job.get("status").asString().equals("running")) {
                    running.add(job.get("jobId").asString());
                }
            }
            if (running.isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Jobs still running after " + JOB_TIMEOUT);
    }
}
