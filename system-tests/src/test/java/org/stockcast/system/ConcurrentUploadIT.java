package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockcast.model.master.MasterDataset;
import tools.jackson.databind.JsonNode;

/**
 * Ten uploads released at the same instant: one runs, the other nine get 409 problem+json naming the running
 * job. Every client then retries until accepted; afterwards the master dataset holds every uploaded row.
 */
@ExtendWith(GoldenStore.Extension.class)
class ConcurrentUploadIT {
    private static final Logger log = LoggerFactory.getLogger(ConcurrentUploadIT.class);
    private static final int CLIENTS = 10;

    @TempDir
    Path root;
    private final Http http = new Http();

    @Test
    @Timeout(900)
    void oneRunsNineGet409AndRetriesLoseNoRow(GoldenStore golden) throws Exception {
        try (Stack stack = new Stack(ConcurrentUploadIT.class, root)) {
            golden.copyInto(stack);
            ServiceProcess retrain = stack.startRetrain();
            retrain.awaitUp(Stack.START_TIMEOUT);
            RetrainClient client = new RetrainClient(http, retrain.baseUrl());

            List<byte[]> uploads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                uploads.add(upload(i));
            }
            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<String> runningJob = new AtomicReference<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<RetrainClient.Outcome>> first = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                byte[] csv = uploads.get(i);
                String name = "concurrent-" + i + ".csv";
                first.add(pool.submit(() -> {
                    go.await();
                    return client.upload(name, csv, "epochs=1", e -> {
                        if (e.name().equals("progress")) {
                            runningJob.compareAndSet(null, e.json().path("jobId").asString());
                        }
                    });
                }));
            }
            go.countDown();
            List<Integer> rejected = new ArrayList<>();
            int accepted = 0;
            List<String> conflictJobIds = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                RetrainClient.Outcome o = first.get(i).get(10, TimeUnit.MINUTES);
                if (o.status() == 409) {
                    assertThat(o.contentType()).startsWith("application/problem+json");
                    conflictJobIds.add(findJobId(o.problem()));
                    rejected.add(i);
                } else {
                    o.success();
                    accepted++;
                }
            }
            log.info("FIGURE first wave: {} accepted, {} got 409", accepted, rejected.size());
            assertThat(accepted).isEqualTo(1);
            assertThat(rejected).hasSize(CLIENTS - 1);
            assertThat(conflictJobIds).as("409 names the running job").allMatch(id -> id.equals(runningJob.get()));

            // Every rejected client retries (with jitter) until its upload is accepted and succeeds.
            AtomicInteger conflictsWhileRetrying = new AtomicInteger();
            List<Future<Integer>> retries = new ArrayList<>();
            for (int i : rejected) {
                byte[] csv = uploads.get(i);
                Random jitter = new Random(i);
                retries.add(pool.submit(() -> {
                    int attempts = 0;
                    long deadline = System.nanoTime() + Duration.ofMinutes(12).toNanos();
                    while (System.nanoTime() < deadline) {
                        attempts++;
                        RetrainClient.Outcome o = client.upload("retry-" + i + ".csv", csv, "epochs=1", e -> { });
                        if (o.status() == 409) {
                            conflictsWhileRetrying.incrementAndGet();
                            Thread.sleep(200 + jitter.nextInt(800));
                            continue;
                        }
                        o.success();
                        return attempts;
                    }
                    throw new AssertionError("upload " + i + " never accepted");
                }));
            }
            int totalAttempts = 0;
            for (Future<Integer> f : retries) {
                totalAttempts += f.get(15, TimeUnit.MINUTES);
            }
            pool.shutdown();
            log.info("FIGURE retries: {} attempts for {} uploads, {} more 409s", totalAttempts, rejected.size(),
                    conflictsWhileRetrying.get());

            Map<String, Double> master = KillRetrainIT.keyed(new MasterDataset(stack.dataDir).load());
            Map<String, Double> expected = new HashMap<>();
            for (int i = 0; i < CLIENTS; i++) {
                expected.putAll(KillRetrainIT.keyed(SeedData.parse(uploads.get(i), "u" + i)));
            }
            assertThat(master).containsAllEntriesOf(expected);
            stack.assertEveryVersionVerifies();
            Files.createDirectories(SystemTestEnv.workDir());
            Files.writeString(SystemTestEnv.workDir().resolve("concurrent-uploads.txt"), String.format(
                    "first wave: %d accepted, %d x 409 (all naming job %s); retries: %d attempts, %d further 409s;"
                            + " %d uploaded rows all present in the master dataset (%d rows)%n", accepted,
                    rejected.size(), runningJob.get(), totalAttempts, conflictsWhileRetrying.get(), expected.size(),
                    master.size()));
        }
    }

    /** The running job's id in a 409 problem: a top-level jobId property (docs/api.md), or anywhere in it. */
    static String findJobId(JsonNode problem) {
        if (problem.has("jobId")) {
            return problem.path("jobId").asString();
        }
        for (JsonNode child : problem) {
            if (child.isContainer()) {
                String id = findJobId(child);
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** Client {@code i}: five rows of its own product, so every client's rows are distinguishable. */
    static byte[] upload(int i) {
        StringBuilder sb = new StringBuilder("date,product_id,category,region,price,discount,rating,sales\n");
        for (int d = 0; d < 5; d++) {
            sb.append(SeedData.START.plusDays(d)).append(",C").append(i).append(",Concurrent,East,5.0,0,4.5,")
                    .append(100 * i + d).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
