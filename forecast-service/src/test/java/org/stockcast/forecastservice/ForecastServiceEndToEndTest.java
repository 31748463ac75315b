package org.stockcast.forecastservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.TestVersions;
import org.stockcast.model.store.ModelStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real server on a real port, serving versions built from the seed sample files by the real model code. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inventory.watch.poll-interval=100ms")
@AutoConfigureMetrics
@DirtiesContext
class ForecastServiceEndToEndTest {
    private static final Path MODELS = createTempDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("inventory.model-dir", MODELS::toString);
    }


    private static Path createTempDir() {
        try {
            Path dir = Files.createTempDirectory("forecast-e2e-models");
            // After the context has closed (DirtiesContext), so the watcher never sees the store vanish.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestFiles.deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SalesTable seedSamples() {
        SalesTable p023 = TestVersions.table(TestVersions.sharedData("seed/sample_dataset_P023_P024_fixed.csv"));
        SalesTable p021 = TestVersions.table(TestVersions.sharedData("seed/sample_dataset_P021_P022.csv"));
        return MasterDataset.merge(p023, p021).merged();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void servesVersionsFromTheStoreWithoutRestart() throws IOException {
        Http http = new Http(port);
        // Before the first version: 503 problem+json, readiness DOWN.
        HttpResponse<String> early = http.postJson("/forecast", "{\"product_id\":\"P021\"}");
        assertThat(early.statusCode()).isEqualTo(503);
        assertThat(early.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        HttpResponse<String> notReady = http.get("/actuator/health/readiness");
        assertThat(notReady.statusCode()).isEqualTo(503);
        // Every 503 says when to retry, also those written by Actuator rather than a problem handler.
        assertThat(notReady.headers().firstValue("Retry-After")).hasValue("2");
        HttpResponse<String> noModel = http.get("/model");
        assertThat(noModel.statusCode()).isEqualTo(503);
        assertThat(noModel.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        ModelStore store = new ModelStore(MODELS, 5);
        EnsembleModel model = TestVersions.build(seedSamples());
        int v1 = TestVersions.publish(store, model);
        http.await("/model", r -> r.statusCode() == 200 && json(r).get("model_version").asInt() == v1,
                Duration.ofSeconds(20));

        HttpResponse<String> ok = http.postJson("/forecast", "{\"product_id\":\"P021\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode body = json(ok);
        assertThat(body.get("model_version").asInt()).isEqualTo(v1);
        assertThat(body.get("context").asString()).isEqualTo("Product P021");
        List<String> dates = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.get("forecast").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> day = it.next();
            dates.add(day.getKey());
            JsonNode point = day.getValue();
            assertThat(point.get("lower_bound").asDouble()).isGreaterThanOrEqualTo(0)
                    .isLessThanOrEqualTo(point.get("forecast").asDouble());
            assertThat(point.get("upper_bound").asDouble()).isGreaterThanOrEqualTo(point.get("forecast").asDouble());
            assertThat(point.has("additive") && point.has("lstm")).isTrue();
        }
        assertThat(dates).hasSize(7).isSorted().first().isEqualTo("2025-09-04");
        assertThat(body.get("reorder_point").asDouble()).isGreaterThanOrEqualTo(body.get("safety_stock").asDouble());
        assertThat(body.get("maximum_level").asDouble()).isGreaterThanOrEqualTo(body.get("reorder_point").asDouble());
        assertThat(body.get("minimum_level").asDouble()).isEqualTo(body.get("safety_stock").asDouble());
        assertThat(body.get("warnings").isArray()).isTrue();
        // P021 has three days of history: the cold start says so first, and extrapolates no trend
        assertThat(body.get("warnings").get(0).asString()).startsWith("New series: only 3 days of history");
        body.get("forecast").forEach(point -> assertThat(point.get("forecast").asDouble()).isBetween(50.0, 600.0));

        HttpResponse<String> stock = http.postJson("/forecast",
                "{\"days\":30,\"product_id\":\"P023\",\"current_stock\":0}");
        assertThat(stock.statusCode()).isEqualTo(200);
        assertThat(json(stock).get("warnings").get(0).asString()).startsWith("URGENT");
        assertThat(json(stock).get("days_of_stock_left").asDouble()).isZero();

        // costs set the service level; orders come in whole packs above the minimum
        HttpResponse<String> rules = http.postJson("/forecast", "{\"days\":2,\"product_id\":\"P023\","
                + "\"current_stock\":0,\"pack_size\":12,\"min_order_qty\":30,\"holding_cost\":1,"
                + "\"stockout_cost\":9,\"lead_time_std_days\":2}");
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        JsonNode advice = json(rules);
        assertThat(advice.get("service_level").asDouble()).isEqualTo(0.9);
        assertThat(advice.get("forecast").size()).isEqualTo(2);
        double order = advice.get("suggested_order").asDouble();
        assertThat(order).isGreaterThanOrEqualTo(Math.max(30, advice.get("maximum_level").asDouble()));
        assertThat(order % 12).isZero();
        assertThat(advice.get("fill_rate").asDouble()).isBetween(0.0, 1.0);

        HttpResponse<String> onDemand = http.postJson("/forecast",
                "{\"days\":30,\"category\":\"Groceries\",\"region\":\"North\",\"min_rating\":3.0}");
        assertThat(onDemand.statusCode()).as(onDemand.body()).isEqualTo(200);
        assertThat(json(onDemand).get("forecast").size()).isEqualTo(30);

        HttpResponse<String> missing = http.postJson("/forecast", "{\"product_id\":\"P999\"}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        HttpResponse<String> bad = http.postJson("/forecast", "{\"days\":400}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("detail").asString()).startsWith("days:");

        HttpResponse<byte[]> png = http.getBytes("/forecast/plot.png?days=30&product_id=P023");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');

        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        JsonNode info = json(http.get("/model"));
        assertThat(info.get("trained_on_rows").asLong()).isEqualTo(model.dataset().size());
        assertThat(info.get("last_training_date").asString()).isEqualTo(LocalDate.of(2025, 9, 3).toString());
        assertThat(info.has("loaded_at") && info.has("metrics")).isTrue();

        String prometheus = http.get("/actuator/prometheus").body();
        assertThat(prometheus).contains("model_version{").contains("model_reloads_total")
                .contains("model_age_seconds");
        assertThat(prometheus.lines().filter(l -> l.startsWith("model_version{")).findFirst().orElseThrow())
                .endsWith(" " + (double) v1);

        HttpResponse<String> docs = http.get("/docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).containsIgnoringCase("swagger");
        assertThat(http.get("/v3/api-docs").body()).contains("/forecast", "/model");

        // A new version is served by the running server.
        int v2 = TestVersions.publish(store, model);
        http.await("/model", r -> json(r).get("model_version").asInt() == v2, Duration.ofSeconds(20));
        assertThat(json(http.postJson("/forecast", "{\"product_id\":\"P021\"}")).get("model_version").asInt())
                .isEqualTo(v2);
    }
}
