package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;

/**
 * kill -9 of the retrain service at random moments of real retrains. After each kill: the master dataset parses
 * and is exactly the old or exactly the new one, every numbered version directory verifies, the forecast
 * service answered every request, and after the last kill a retrain runs to success.
 * CI runs 3 rounds; the soak form ({@code -Psoak}) runs 10. The random seed is logged; pass
 * {@code -Dsystemtests.seed=...} to replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(GoldenStore.Extension.class)
class KillRetrainIT {
    private static final Logger log = LoggerFactory.getLogger(KillRetrainIT.class);

    @TempDir
    Path root;
    private GoldenStore golden;
    private final Http http = new Http();

    @BeforeAll
    void golden(GoldenStore golden) {
        this.golden = golden;
    }

    @Test
    @Timeout(900)
    void threeKillsDuringRetrains() throws Exception {
        killDuringRetrains(3, root.resolve("ci"));
    }

    @Test
    @Tag("soak")
    @Timeout(2400)
    void tenKillsDuringRetrains() throws Exception {
        killDuringRetrains(10, root.resolve("soak"));
    }

    /** Kill targets, cycled: the writing stages first, so even the 3-round CI form hits both. */
    private static final String[] TARGETS = {"merge", "publish", "random", "lstm", "additive", "evaluate"};

    private void killDuringRetrains(int rounds, Path dir) throws Exception {
        long seed = Long.getLong("systemtests.seed", System.currentTimeMillis());
        Random random = new Random(seed);
        log.info("kill -9 rounds={} seed={}", rounds, seed);
        List<String> table = new ArrayList<>();
        table.add("| round | aimed at | killed after ms | last event seen | result before kill | dataset after | versions after the kill (all verify) | temp entries left |");
        table.add("|---|---|---|---|---|---|---|---|");
        try (Stack stack = new Stack(KillRetrainIT.class, dir)) {
            golden.copyInto(stack);
            ServiceProcess retrain = stack.startRetrain();
            ServiceProcess forecast = stack.startForecast();
            retrain.awaitUp(Stack.START_TIMEOUT);
            forecast.awaitReady(Stack.START_TIMEOUT);
            try (ForecastLoad watcher = ForecastLoad.start(forecast.baseUrl(), "{\"days\":7,\"product_id\":\"P001\"}",
                    1, Duration.ofMillis(20))) {
                RetrainClient client = new RetrainClient(http, retrain.baseUrl());
                long t0 = System.nanoTime();
                client.upload("round-0.csv", upload(0), null, e -> { }).success();
                long fullMillis = (System.nanoTime() - t0) / 1_000_000;
                log.info("FIGURE uninterrupted retrain: {} ms", fullMillis);

                for (int round = 1; round <= rounds; round++) {
                    MasterDataset master = new MasterDataset(stack.dataDir);
                    SalesTable oldTable = master.load();
                    Map<String, Double> old = keyed(oldTable);
                    byte[] csv = upload(round);
                    Map<String, Double> expectedNew = keyed(MasterDataset.merge(oldTable,
                            SeedData.parse(csv, "round.csv")).merged());
                    assertThat(expectedNew).isNotEqualTo(old);

                    // Aim at the stages that write (merge: master dataset; publish: version rename) as well as
                    // at random moments: kill a random 0-150 ms after the target stage's progress event.
                    String target = TARGETS[(round - 1) % TARGETS.length];
                    CountDownLatch reached = new CountDownLatch(1);
                    AtomicReference<String> lastStage = new AtomicReference<>("(none)");
                    AtomicReference<Object> outcome = new AtomicReference<>();
                    RetrainClient roundClient = new RetrainClient(http, retrain.baseUrl());
                    Thread uploader = new Thread(() -> {
                        try {
                            outcome.set(roundClient.upload("round-" + Thread.currentThread().getName() + ".csv", csv,
                                    null, e -> {
                                        String stage = e.name().equals("progress")
                                                ? e.json().path("stage").asString() : e.name();
                                        lastStage.set(stage);
                                        if (stage.equals(target)) {
                                            reached.countDown();
                                        }
                                    }));
                        } catch (Exception e) {
                            outcome.set(e);
                        }
                    }, Integer.toString(round));
                    long start = System.nanoTime();
                    uploader.start();
                    if (target.equals("random")) {
                        Thread.sleep((long) (random.nextDouble() * fullMillis * 1.1));
                    } else {
                        reached.await(fullMillis * 3, TimeUnit.MILLISECONDS);
                        Thread.sleep(random.nextInt(150));
                    }
                    String stageAtKill = lastStage.get();
                    retrain.kill9();
                    long delay = (System.nanoTime() - start) / 1_000_000;
                    uploader.join(30_000);
                    boolean finishedBeforeKill = outcome.get() instanceof RetrainClient.Outcome o
                            && o.last() != null && o.last().name().equals("result");

                    Map<String, Double> after = keyed(master.load());
                    String state = after.equals(old) ? "old" : after.equals(expectedNew) ? "new" : "NEITHER";
                    assertThat(state).as("round %d: master dataset after kill -9 at %d ms", round, delay)
                            .isIn("old", "new");
                    if (finishedBeforeKill) {
                        assertThat(state).isEqualTo("new");
                    }
                    List<Integer> versions = stack.assertEveryVersionVerifies();
                    List<String> temps = tempEntries(stack);

                    retrain.restart();
                    retrain.awaitUp(Stack.START_TIMEOUT);
                    table.add(String.format(Locale.ROOT, "| %d | %s | %d | %s | %s | %s | %s | %s |", round, target,
                            delay, stageAtKill, finishedBeforeKill, state, versions, temps));
                    log.info("round {}: target {}, killed after {} ms at stage {}, dataset {}, versions {}", round,
                            target, delay, stageAtKill, state, versions);
                }

                // The next retrain after the last kill succeeds and is served.
                MasterDataset master = new MasterDataset(stack.dataDir);
                byte[] finalCsv = upload(rounds + 1);
                int published = new RetrainClient(http, retrain.baseUrl()).upload("final.csv", finalCsv, null, e -> { })
                        .success().path("modelVersion").asInt();
                assertThat(keyed(master.load())).containsAllEntriesOf(keyed(SeedData.parse(finalCsv, "final.csv")));
                stack.assertEveryVersionVerifies();
                awaitServed(forecast, published, Stack.POLL_INTERVAL.plusSeconds(10));

                ForecastLoad.Summary summary = watcher.stop();
                log.info("FIGURE forecast availability during {} kill -9 rounds: {}", rounds, summary);
                table.add("");
                table.add("forecast client during the run: " + summary + ", failures: " + watcher.failureSummary());
                assertThat(summary.failures()).as(watcher.failureSummary()).isZero();
                assertThat(summary.ok()).isPositive();
            } finally {
                Files.createDirectories(SystemTestEnv.workDir());
                Files.write(SystemTestEnv.workDir().resolve("kill9-" + rounds + "-rounds.md"), table);
            }
        }
    }

    private void awaitServed(ServiceProcess forecast, int version, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int served = -1;
        while (System.nanoTime() < deadline) {
            served = http.get(forecast.baseUrl() + "/model").json().path("model_version").asInt();
            if (served == version) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("forecast serves " + served + ", not " + version + " after " + timeout);
    }

    /** Non-numeric entries in the model dir and temp/backup-looking files in the data dir (reported, not failed). */
    static List<String> tempEntries(Stack stack) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(stack.modelDir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.matches("\\d+")).forEach(n -> out.add("models/" + n));
        }
        try (Stream<Path> s = Files.list(stack.dataDir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.contains("tmp")).forEach(n -> out.add("data/" + n));
        }
        return out;
    }

    /** Round {@code i}: ten rows of a new product and an update of one existing row, so old and new differ. */
    static byte[] upload(int i) {
        StringBuilder sb = new StringBuilder("date,product_id,category,region,price,discount,rating,sales\n");
        for (int d = 0; d < 10; d++) {
            sb.append(SeedData.START.plusDays(d)).append(",K").append(i).append(",Kills,North,9.5,0,4.0,")
                    .append(10 + i + d).append('\n');
        }
        sb.append(SeedData.START).append(",P001,Electronics,North,100.00,0,3.5,").append(900 + i).append('\n');
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** (date, product) -> sales: what "old or new" is judged on. */
    static Map<String, Double> keyed(SalesTable t) {
        Map<String, Double> out = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            out.put(t.date(r) + "|" + t.productId(r), t.sales(r));
        }
        return out;
    }

}
