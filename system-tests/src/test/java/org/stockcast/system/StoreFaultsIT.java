package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broken versions dropped into the store of a forecast service under load: each is newer than the served one,
 * so the watcher tries it. The good version keeps serving, no request fails, each failure is counted once in
 * model_load_failures_total (not retried while the manifest is unchanged), a valid newer version is then
 * picked up, and removing it rolls back.
 */
@ExtendWith(GoldenStore.Extension.class)
class StoreFaultsIT {
    private static final Logger log = LoggerFactory.getLogger(StoreFaultsIT.class);
    private static final String FAILURES = "model_load_failures_total";
    private static final String POLLS = "model_polls_total";

    @TempDir
    Path root;
    private final Http http = new Http();

    /** A way to break a staged copy of the good version; {@code reason} is the expected metric label or null. */
    record Fault(String name, String reason, Breaker breaker) {
    }

    @FunctionalInterface
    interface Breaker {
        /** Breaks the staged version directory {@code dir}. */
        void breakIt(Path dir) throws IOException;
    }

    static List<Fault> faults() {
        return List.of(
                new Fault("partial: no manifest.json", "MISSING_MANIFEST",
                        dir -> Files.delete(dir.resolve(Versions.MANIFEST))),
                new Fault("empty numbered directory", "MISSING_MANIFEST", dir -> {
                    for (Path f : Versions.modelFiles(dir)) {
                        Files.delete(f);
                    }
                    Files.delete(dir.resolve(Versions.MANIFEST));
                    deleteEmptyDirs(dir);
                }),
                new Fault("manifest is not JSON", "UNREADABLE_MANIFEST",
                        dir -> Files.writeString(dir.resolve(Versions.MANIFEST), "{\"version\": 1, \"files\": {")),
                new Fault("file listed in manifest missing", "MISSING_FILE",
                        dir -> Files.delete(Versions.modelFiles(dir).get(0))),
                new Fault("largest file (LSTM zip) truncated to half", "SIZE_MISMATCH", dir -> {
                    Path f = Versions.modelFiles(dir).get(0);
                    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                        ch.truncate(ch.size() / 2);
                    }
                }),
                new Fault("one byte flipped (same size)", "CHECKSUM_MISMATCH", dir -> {
                    Path f = Versions.modelFiles(dir).get(0);
                    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
                        long at = raf.length() / 2;
                        raf.seek(at);
                        int b = raf.read();
                        raf.seek(at);
                        raf.write(b ^ 0xFF);
                    }
                }),
                new Fault("extra file not in manifest", "EXTRA_FILE",
                        dir -> Files.writeString(dir.resolve("notes.txt"), "dropped in by hand")),
                new Fault("manifest verifies but the LSTM zip is garbage", null, dir -> {
                    Path f = Versions.modelFiles(dir).get(0);
                    Files.write(f, "this is not a zip".getBytes(StandardCharsets.US_ASCII));
                    rehash(dir, f);
                }));
    }

    @Test
    @Timeout(600)
    void brokenVersionsAreSkippedCountedOnceAndNeverFailARequest(GoldenStore golden) throws Exception {
        List<String> table = new ArrayList<>();
        table.add("| fault dropped into the store (as the newest version) | expected reason | failures counted | served afterwards |");
        table.add("|---|---|---|---|");
        Duration detect = Stack.POLL_INTERVAL.plusSeconds(10);
        try (Stack stack = new Stack(StoreFaultsIT.class, root)) {
            golden.copyInto(stack);
            int good = golden.version();
            ServiceProcess forecast = stack.startForecast();
            forecast.awaitReady(Stack.START_TIMEOUT);
            assertThat(served(forecast)).isEqualTo(good);
            try (ForecastLoad load = ForecastLoad.start(forecast.baseUrl(), "{\"days\":14,\"product_id\":\"P002\"}",
                    2, Duration.ofMillis(5))) {
                int next = good;
                for (Fault fault : faults()) {
                    next++;
                    String before = metrics(forecast);
                    Path staged = Versions.stage(golden.versionDir(), stack.modelDir, next);
                    fault.breaker().breakIt(staged);
                    Versions.publish(staged, stack.modelDir, next);

                    double delta = awaitFailureCount(forecast, before, fault.reason(), detect);
                    // Two more completed polls: a bad version is not retried while its manifest is unchanged.
                    awaitPolls(forecast, 2, detect);
                    String after = metrics(forecast);
                    double settled = PrometheusText.sum(after, FAILURES, null) - PrometheusText.sum(before, FAILURES, null);
                    int servedNow = served(forecast);
                    table.add(String.format(Locale.ROOT, "| %s (v%d) | %s | %.0f `%s` | v%d |", fault.name(), next,
                            fault.reason() == null ? "any" : fault.reason(), settled,
                            String.join(" ", PrometheusText.grown(before, after, FAILURES)), servedNow));
                    assertThat(delta).as("%s counted", fault.name()).isEqualTo(1.0);
                    assertThat(settled).as("%s not retried", fault.name()).isEqualTo(1.0);
                    assertThat(servedNow).as("served after %s", fault.name()).isEqualTo(good);
                }

                // Things that are not versions at all: ignored, nothing counted, nothing unloaded.
                String before = metrics(forecast);
                Files.createDirectories(stack.modelDir.resolve("latest"));
                Files.writeString(stack.modelDir.resolve("latest/manifest.json"), "garbage");
                Files.writeString(stack.modelDir.resolve(".half-written.tmp"), "x");
                awaitPolls(forecast, 2, detect);
                double ignoredDelta = PrometheusText.sum(metrics(forecast), FAILURES, null)
                        - PrometheusText.sum(before, FAILURES, null);
                table.add(String.format(Locale.ROOT, "| non-numeric dir `latest/` and file `.half-written.tmp` | none (ignored) | %.0f | v%d |",
                        ignoredDelta, served(forecast)));
                assertThat(ignoredDelta).isZero();
                assertThat(served(forecast)).isEqualTo(good);

                // A version copied in non-atomically (an operator's cp/rsync): first without its manifest, which
                // is counted and skipped; once the manifest arrives (a change) it is loaded ...
                int valid = next + 1;
                String beforePartial = metrics(forecast);
                Path staged = Versions.stage(golden.versionDir(), stack.modelDir, valid);
                Path parked = stack.modelDir.resolve(".manifest-" + valid + ".parked");
                Files.move(staged.resolve(Versions.MANIFEST), parked);
                Path dir = Versions.publish(staged, stack.modelDir, valid);
                awaitFailureCount(forecast, beforePartial, "MISSING_MANIFEST", detect);
                awaitPolls(forecast, 1, detect);
                assertThat(served(forecast)).isEqualTo(good);
                long completed = System.nanoTime();
                Files.move(parked, dir.resolve(Versions.MANIFEST), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                awaitServed(forecast, valid, detect);
                long swapMillis = (System.nanoTime() - completed) / 1_000_000;
                table.add("| valid version copied in without manifest (v" + valid + "), manifest added later "
                        + "| MISSING_MANIFEST, then loaded | 1 | v" + valid + " " + swapMillis
                        + " ms after the manifest arrived |");
                // ... and removing it rolls back past all the broken ones to the good version.
                deleteRecursively(stack.modelDir.resolve(Integer.toString(valid)));
                long removed = System.nanoTime();
                awaitServed(forecast, good, detect);
                table.add("| newest valid version removed | - | - | v" + good + " after "
                        + (System.nanoTime() - removed) / 1_000_000 + " ms (rollback) |");

                ForecastLoad.Summary summary = load.stop();
                table.add("");
                table.add("forecast clients during the run: " + summary + "; " + load.failureSummary());
                log.info("FIGURE store faults under load: {}", summary);
                assertThat(summary.failures()).as(load.failureSummary()).isZero();
                assertThat(load.firstSeen().keySet()).containsOnly(good, valid);
            } finally {
                Files.createDirectories(SystemTestEnv.workDir());
                Files.write(SystemTestEnv.workDir().resolve("store-faults.md"), table);
            }
        }
    }

    private int served(ServiceProcess forecast) throws Exception {
        return http.get(forecast.baseUrl() + "/model").json().path("model_version").asInt();
    }

    private String metrics(ServiceProcess forecast) throws Exception {
        Http.Response r = http.get(forecast.baseUrl() + "/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        return r.body().toLowerCase(Locale.ROOT);
    }

    /** Waits until model_load_failures_total (with the reason label, if given) grew; returns the total growth. */
    private double awaitFailureCount(ServiceProcess forecast, String before, String reason, Duration timeout)
            throws Exception {
        String label = reason == null ? null : "reason=\"" + reason.toLowerCase(Locale.ROOT) + "\"";
        double base = PrometheusText.sum(before, FAILURES, label);
        double baseTotal = PrometheusText.sum(before, FAILURES, null);
        String now = await("%s%s increase".formatted(FAILURES, label == null ? "" : "{" + label + "}"))
                .atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> metrics(forecast), text -> PrometheusText.sum(text, FAILURES, label) > base);
        return PrometheusText.sum(now, FAILURES, null) - baseTotal;
    }

    /**
     * Waits until the watcher has completed {@code polls} more scans of the store (model_polls_total), so "nothing
     * changed" is asserted after it has really looked, however slow the machine, and never sooner.
     */
    private void awaitPolls(ServiceProcess forecast, int polls, Duration timeout) throws Exception {
        double start = PrometheusText.sum(metrics(forecast), POLLS, null);
        await(polls + " more polls").atMost(timeout.multipliedBy(polls)).pollInterval(Duration.ofMillis(100))
                .until(() -> PrometheusText.sum(metrics(forecast), POLLS, null) >= start + polls);
    }

    private void awaitServed(ServiceProcess forecast, int version, Duration timeout) {
        await("forecast serves v" + version).atMost(timeout).pollInterval(Duration.ofMillis(100))
                .until(() -> served(forecast) == version);
    }

    static void deleteRecursively(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (var s = Files.list(p)) {
                for (Path c : s.toList()) {
                    deleteRecursively(c);
                }
            }
        }
        Files.delete(p);
    }

    static void deleteEmptyDirs(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p)) {
                    deleteEmptyDirs(p);
                    Files.delete(p);
                }
            }
        }
    }

    /** Makes the manifest entry of {@code file} match its current content again. */
    static void rehash(Path dir, Path file) throws IOException {
        Path manifest = dir.resolve(Versions.MANIFEST);
        ObjectNode json = (ObjectNode) Http.JSON.readTree(Files.readAllBytes(manifest));
        String name = dir.relativize(file).toString().replace('\\', '/');
        if (!json.path("files").path(name).isObject()) {
            throw new AssertionError("manifest has no entry " + name + ": " + json);
        }
        ObjectNode entry = (ObjectNode) json.path("files").path(name);
        entry.put("size", Files.size(file));
        entry.put("sha256", DirSnapshot.sha256(file));
        Files.write(manifest, Http.JSON.writeValueAsBytes(json));
    }
}
