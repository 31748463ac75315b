package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Both services as real processes over one data dir and one model store, started the documented way: the
 * retrain service trains the first version from the master dataset at start-up, the forecast service answers
 * 503 until it has loaded it. Then an upload shows up in forecasts without a restart, and a real Prometheus
 * scrapes both with the project's scrape config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrossServiceIT {
    private static final Logger log = LoggerFactory.getLogger(CrossServiceIT.class);
    /** Upper bound for loading a version (manifest check, additive JSON, LSTM zip, sample forecast) on 2 busy cores. */
    private static final Duration LOAD_BUDGET = Duration.ofSeconds(8);

    private Path root;
    private Stack stack;
    private ServiceProcess retrain;
    private ServiceProcess forecast;
    private final Http http = new Http();
    private boolean sawServiceUnavailable;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        stack = new Stack(CrossServiceIT.class, root);
        SeedData.seed(stack.dataDir);
        retrain = stack.startRetrain();
        forecast = stack.startForecast();
        forecast.awaitUp(Stack.START_TIMEOUT);
        // Before the first version exists the contract is 503 problem+json and readiness DOWN. Start-up training
        // normally outlasts the forecast service's start; if it did not, there is nothing to check here.
        if (stack.store().versions().isEmpty()) {
            Http.Response early = http.postJson(forecast.baseUrl() + "/forecast", "{\"days\":7,\"product_id\":\"P001\"}");
            Http.Response readiness = http.get(forecast.baseUrl() + "/actuator/health/readiness");
            assertThat(early.status()).as("forecast before the first model: %s", early).isEqualTo(503);
            assertThat(early.problemJson()).as("503 is problem+json: %s", early).isTrue();
            assertThat(readiness.status()).as("readiness before the first model: %s", readiness).isEqualTo(503);
            sawServiceUnavailable = true;
        }
        stack.awaitFirstVersion(retrain);
        retrain.awaitUp(Stack.START_TIMEOUT);
        forecast.awaitReady(Stack.START_TIMEOUT);
        log.info("stack up; 503-before-first-model observed: {}", sawServiceUnavailable);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    @Timeout(300)
    void uploadedProductIsForecastFromTheNewVersionWithoutRestart() throws Exception {
        long forecastPid = forecast.pid();
        int before = http.get(forecast.baseUrl() + "/model").json().path("model_version").asInt();
        assertThat(before).isPositive();

        Http.Response unknown = http.postJson(forecast.baseUrl() + "/forecast", "{\"product_id\":\"P021\"}");
        assertThat(unknown.status()).as("P021 is not in the seed data yet: %s", unknown).isEqualTo(404);
        assertThat(unknown.problemJson()).isTrue();

        AtomicLong publishSeen = new AtomicLong();
        List<String> stages = new ArrayList<>();
        RetrainClient.Outcome outcome = new RetrainClient(http, retrain.baseUrl()).upload(
                "sample_dataset_P021_P022.csv", SeedData.resource("sample_dataset_P021_P022.csv"), null, e -> {
                    if (e.name().equals("progress")) {
                        String stage = e.json().path("stage").asString();
                        stages.add(stage);
                        if (stage.equals("publish")) {
                            publishSeen.compareAndSet(0, System.nanoTime());
                        }
                    }
                });
        long resultSeen = System.nanoTime();
        JsonNode result = outcome.success();
        int published = result.path("modelVersion").asInt();
        assertThat(published).isGreaterThan(before);
        assertThat(result.path("rowsUploaded").asInt()).isEqualTo(6);
        assertThat(result.path("rowsAdded").asInt()).isEqualTo(6);
        assertThat(stages).containsSubsequence("validate", "merge", "additive", "lstm", "evaluate", "publish");
        assertThat(stack.store().verify(published).ok()).isTrue();

        // From the publish event (the version is renamed into place just before it) to the first forecast of it.
        long t0 = publishSeen.get() != 0 ? publishSeen.get() : resultSeen;
        Duration bound = Stack.POLL_INTERVAL.plus(LOAD_BUDGET);
        Http.Response answer = null;
        while (System.nanoTime() - t0 < bound.toNanos() + 5_000_000_000L) {
            answer = http.postJson(forecast.baseUrl() + "/forecast", "{\"product_id\":\"P021\"}");
            if (answer.status() == 200 && answer.json().path("model_version").asInt() == published) {
                break;
            }
            assertThat(answer.status()).as("while swapping: %s", answer).isIn(200, 404);
            Thread.sleep(50);
        }
        Duration swap = Duration.ofNanos(System.nanoTime() - t0);
        log.info("FIGURE e2e: publish -> first P021 forecast from version {}: {} ms (bound {} ms)", published,
                swap.toMillis(), bound.toMillis());
        assertThat(answer).isNotNull();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().path("model_version").asInt()).isEqualTo(published);
        assertThat(swap).isLessThanOrEqualTo(bound);
        assertThat(forecast.pid()).as("no restart").isEqualTo(forecastPid);
        assertThat(forecast.alive()).isTrue();

        JsonNode body = answer.json();
        assertThat(body.path("context").asString()).contains("P021");
        List<String> dates = new ArrayList<>(body.path("forecast").propertyNames());
        assertThat(dates).hasSize(7).isSorted();
        assertThat(LocalDate.parse(dates.get(0))).isEqualTo(LocalDate.of(2025, 9, 4));
        for (String d : dates) {
            JsonNode day = body.path("forecast").path(d);
            for (String field : List.of("forecast", "lower_bound", "upper_bound", "additive", "lstm")) {
                assertThat(day.path(field).isNumber()).as("%s.%s in %s", d, field, body).isTrue();
            }
            assertThat(day.path("lower_bound").asDouble()).isLessThanOrEqualTo(day.path("upper_bound").asDouble());
        }
        for (String field : List.of("reorder_point", "safety_stock", "minimum_level", "maximum_level")) {
            assertThat(body.path(field).isNumber()).as(field).isTrue();
        }
        assertThat(body.path("warnings").isArray()).isTrue();
        assertThat(http.get(forecast.baseUrl() + "/model").json().path("model_version").asInt()).isEqualTo(published);
        Files.writeString(SystemTestEnv.workDir().resolve("figure-e2e-swap.txt"),
                "publish->visible ms=" + swap.toMillis() + " version=" + published + "\n");
    }

    @Test
    @Order(2)
    @Timeout(180)
    void prometheusScrapesBothServicesWithTheProjectConfig() throws Exception {
        String project = Files.readString(SystemTestEnv.repoRoot().resolve("ops/prometheus/prometheus.yml"));
        String config = PrometheusServer.configFor(project, retrain.port(), forecast.port(), "1s");
        Path work = Files.createDirectories(root.resolve("prometheus"));
        try (PrometheusServer prometheus = PrometheusServer.start(work, config,
                SystemTestEnv.logFile(CrossServiceIT.class, "prometheus"))) {
            prometheus.awaitReady(http, Duration.ofSeconds(60));

            JsonNode targets = awaitTargetsUp(prometheus, Duration.ofSeconds(60));
            assertThat(targets.size()).isEqualTo(2);

            int served = http.get(forecast.baseUrl() + "/model").json().path("model_version").asInt();
            JsonNode modelVersion = awaitQuery(prometheus, "model_version", Duration.ofSeconds(30),
                    r -> r.size() > 0 && r.get(0).path("value").get(1).asString().equals(Integer.toString(served)));
            assertThat(modelVersion.get(0).path("metric").path("job").asString()).isEqualTo("forecast-service");

            JsonNode jobs = awaitQuery(prometheus, "retrain_jobs_total", Duration.ofSeconds(30), r -> r.size() > 0);
            List<String> statuses = new ArrayList<>();
            for (JsonNode series : jobs) {
                assertThat(series.path("metric").path("job").asString()).isEqualTo("retrain-service");
                statuses.add(series.path("metric").path("status").asString());
            }
            assertThat(statuses).contains("success");
            JsonNode up = awaitQuery(prometheus, "up", Duration.ofSeconds(10), r -> r.size() == 2);
            for (JsonNode series : up) {
                assertThat(series.path("value").get(1).asString()).isEqualTo("1");
            }
        }
    }

    private JsonNode awaitTargetsUp(PrometheusServer prometheus, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode active = null;
        while (System.nanoTime() < deadline) {
            active = http.get(prometheus.baseUrl() + "/api/v1/targets").json().path("data").path("activeTargets");
            boolean allUp = active.size() == 2;
            for (JsonNode t : active) {
                allUp &= t.path("health").asString().equals("up");
            }
            if (allUp) {
                return active;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("targets not up after " + timeout + ": " + active);
    }

    private JsonNode awaitQuery(PrometheusServer prometheus, String query, Duration timeout,
                                java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode result = null;
        while (System.nanoTime() < deadline) {
            JsonNode body = http.get(prometheus.baseUrl() + "/api/v1/query?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8)).json();
            assertThat(body.path("status").asString()).isEqualTo("success");
            result = body.path("data").path("result");
            if (done.test(result)) {
                return result;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("query " + query + " not satisfied after " + timeout + ": " + result);
    }

}
