package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A constant stream of forecast requests while a new version is published every 5 s (a copy of a real trained
 * version, renamed into place the way writers must): zero non-2xx, every answer from a published version, the
 * last one served at the end; latency p50/p99 and publish-to-visible times reported.
 * CI: 15 s. Soak ({@code -Psoak}): 60 s.
 */
@ExtendWith(GoldenStore.Extension.class)
class PublishUnderLoadIT {
    private static final Logger log = LoggerFactory.getLogger(PublishUnderLoadIT.class);
    private static final Duration PUBLISH_EVERY = Duration.ofSeconds(5);

    @TempDir
    Path root;
    private final Http http = new Http();

    @Test
    @Timeout(300)
    void fifteenSecondsOfLoadWhilePublishing(GoldenStore golden) throws Exception {
        run(golden, Duration.ofSeconds(15), 4, "ci");
    }

    @Test
    @Tag("soak")
    @Timeout(600)
    void sixtySecondsOfLoadWhilePublishing(GoldenStore golden) throws Exception {
        run(golden, Duration.ofSeconds(60), 4, "soak");
    }

    private void run(GoldenStore golden, Duration duration, int threads, String form) throws Exception {
        try (Stack stack = new Stack(PublishUnderLoadIT.class, root.resolve(form))) {
            golden.copyInto(stack);
            ServiceProcess forecast = stack.startForecast();
            forecast.awaitReady(Stack.START_TIMEOUT);
            // Warm up the cached series so the figures are steady-state latency, not JIT warm-up.
            for (int i = 0; i < 200; i++) {
                http.postJson(forecast.baseUrl() + "/forecast", "{\"days\":30,\"product_id\":\"P001\"}");
            }
            Map<Integer, Long> publishedAt = new LinkedHashMap<>();
            publishedAt.put(golden.version(), System.nanoTime());
            ForecastLoad.Summary summary;
            Map<Integer, Long> firstSeen;
            String failures;
            try (ForecastLoad load = ForecastLoad.start(forecast.baseUrl(), "{\"days\":30,\"product_id\":\"P001\"}",
                    threads, Duration.ZERO)) {
                long end = System.nanoTime() + duration.toNanos();
                int next = golden.version();
                while (System.nanoTime() + PUBLISH_EVERY.toNanos() <= end) {
                    Thread.sleep(PUBLISH_EVERY.toMillis());
                    next++;
                    Path staged = Versions.stage(golden.versionDir(), stack.modelDir, next);
                    publishedAt.put(next, System.nanoTime());
                    Versions.publish(staged, stack.modelDir, next);
                }
                Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
                summary = load.stop();
                firstSeen = load.firstSeen();
                failures = load.failureSummary();
            }
            List<Long> swaps = new ArrayList<>();
            for (var e : publishedAt.entrySet()) {
                Long seen = firstSeen.get(e.getKey());
                if (seen != null && e.getKey() != golden.version()) {
                    swaps.add((seen - e.getValue()) / 1_000_000);
                }
            }
            String line = String.format(Locale.ROOT, "load %s (%d s, days=30, product P001): %s; versions published %s;"
                    + " publish->first answer ms %s", form, duration.toSeconds(), summary, publishedAt.keySet(), swaps);
            log.info("FIGURE {}", line);
            Files.createDirectories(SystemTestEnv.workDir());
            Files.writeString(SystemTestEnv.workDir().resolve("load-" + form + ".txt"), line + "\n" + failures + "\n");

            assertThat(summary.failures()).as(failures).isZero();
            assertThat(summary.ok()).isPositive();
            assertThat(publishedAt.keySet()).containsAll(firstSeen.keySet());
            int last = (int) publishedAt.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(publishedAt).hasSizeGreaterThan(1);
            // The last version may have been published less than a poll before the end: it is served soon after.
            long deadline = System.nanoTime() + Stack.POLL_INTERVAL.plusSeconds(10).toNanos();
            int served = -1;
            while (System.nanoTime() < deadline && served != last) {
                served = http.get(forecast.baseUrl() + "/model").json().path("model_version").asInt();
                Thread.sleep(100);
            }
            assertThat(served).isEqualTo(last);
        }
    }
}
