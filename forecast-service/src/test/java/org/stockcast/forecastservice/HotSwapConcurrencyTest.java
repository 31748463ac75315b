package org.stockcast.forecastservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.TestVersions;
import org.stockcast.model.store.ModelStore;
import tools.jackson.databind.json.JsonMapper;

/** Clients forecast over HTTP while versions are published (one of them broken): no errors, no bad versions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inventory.watch.poll-interval=50ms")
@AutoConfigureMetrics
@DirtiesContext
class HotSwapConcurrencyTest {
    private static final Path MODELS = createTempDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> BODIES = List.of(
            "{\"days\":30,\"product_id\":\"P1\"}",
            "{\"days\":7,\"category\":\"B\"}",
            "{\"days\":14,\"category\":\"A\",\"region\":\"North\"}",
            "{\"days\":365}");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("inventory.model-dir", MODELS::toString);
    }

    private static Path createTempDir() {
        try {
            Path dir = Files.createTempDirectory("forecast-swap-models");
            // After the context has closed (DirtiesContext), so the watcher never sees the store vanish.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestFiles.deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    @Test
    @Timeout(180)
    void clientsSeeOnlyValidVersionsAndNoErrorsWhileVersionsSwap() throws Exception {
        Http http = new Http(port);
        ModelStore store = new ModelStore(MODELS, 5);
        EnsembleModel model = TestVersions.build(
                TestVersions.table(TestVersions.syntheticCsv(3, 120, LocalDate.of(2025, 9, 30), 11)));
        Set<Integer> valid = ConcurrentHashMap.newKeySet();
        valid.add(TestVersions.publish(store, model));
        http.await("/model", r -> r.statusCode() == 200, Duration.ofSeconds(20));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<Integer> seen = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                Http own = new Http(port);
                int last = 0;
                for (int i = 0; running.get(); i++) {
                    HttpResponse<String> response = own.postJson("/forecast", BODIES.get((client + i) % BODIES.size()));
                    requests.incrementAndGet();
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + response.body());
                        continue;
                    }
                    int version = JSON.readTree(response.body()).get("model_version").asInt();
                    seen.add(version);
                    if (version < last) {
                        failures.add("client " + client + " went back from " + last + " to " + version);
                    }
                    last = version;
                }
            }, "client-" + c);
            thread.start();
            clients.add(thread);
        }

        for (int swap = 0; swap < 4; swap++) {
            if (swap == 2) {
                // A broken version (a file the manifest does not list) appears atomically, as a writer would
                // rename it into place: it is skipped and counted, and clients never see it.
                Path staging = Files.createTempDirectory(MODELS, ".staging-");
                int built = TestVersions.publish(new ModelStore(staging, 5), model);
                Files.writeString(staging.resolve(Integer.toString(built)).resolve("stray.txt"), "x");
                int broken = store.versions().get(0) + 1;
                Files.move(staging.resolve(Integer.toString(built)), store.versionDir(broken),
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                http.await("/actuator/prometheus", r -> r.body().lines().anyMatch(line ->
                        line.startsWith("model_load_failures_total{") && line.contains("extra_file")),
                        Duration.ofSeconds(20));
            }
            int next = TestVersions.publish(store, model);
            valid.add(next);
            http.await("/model", r -> JSON.readTree(r.body()).get("model_version").asInt() == next,
                    Duration.ofSeconds(20));
            // Let the clients use it for a moment before the next swap (bounded: a stuck client fails the test).
            int target = requests.get() + 8;
            await("8 more requests on v" + next).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> requests.get() >= target || !failures.isEmpty());
        }
        running.set(false);
        for (Thread client : clients) {
            client.join(30_000);
            assertThat(client.isAlive()).as("%s stopped", client.getName()).isFalse();
        }

        assertThat(failures).isEmpty();
        assertThat(requests.get()).isGreaterThan(30);
        assertThat(valid).containsAll(seen);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        assertThat(http.get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("model_load_failures_total{") && line.contains("reason=\"extra_file\""))
                .findFirst()).hasValueSatisfying(line -> assertThat(line).endsWith(" 1.0"));
    }
}
