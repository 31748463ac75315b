package org.stockcast.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;

/**
 * Client threads posting /forecast in a closed loop (optionally paced) and recording every answer: status,
 * served model_version and latency. Failures count only after the first 200: before a model is loaded 503 is
 * the documented answer.
 */
final class ForecastLoad implements AutoCloseable {
    private final URI uri;
    private final String body;
    private final int threads;
    private final Duration pause;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean firstOk = new AtomicBoolean(false);
    private final LongAdder ok = new LongAdder();
    private final LongAdder beforeFirstModel = new LongAdder();
    private final ConcurrentHashMap<Integer, LongAdder> failedByStatus = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failureSamples = new ConcurrentLinkedQueue<>();
    private final LongAdder exceptions = new LongAdder();
    private final Map<Integer, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<long[]> latencyChunks = new ConcurrentLinkedQueue<>();
    private final AtomicLong startedNanos = new AtomicLong();
    private final List<Thread> workers = new ArrayList<>();

    private ForecastLoad(URI uri, String body, int threads, Duration pause) {
        this.uri = uri;
        this.body = body;
        this.threads = threads;
        this.pause = pause;
    }

    static ForecastLoad start(String forecastBaseUrl, String body, int threads, Duration pause) {
        ForecastLoad load = new ForecastLoad(URI.create(forecastBaseUrl + "/forecast"), body, threads, pause);
        load.startedNanos.set(System.nanoTime());
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(load::loop, "forecast-load-" + i);
            t.setDaemon(true);
            load.workers.add(t);
            t.start();
        }
        return load;
    }

    private void loop() {
        long[] lat = new long[4096];
        int n = 0;
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        while (running.get()) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                if (r.statusCode() == 200) {
                    firstOk.set(true);
                    ok.increment();
                    if (n == lat.length) {
                        latencyChunks.add(lat);
                        lat = new long[4096];
                        n = 0;
                    }
                    lat[n++] = t1 - t0;
                    JsonNode json = Http.JSON.readTree(r.body());
                    firstSeenNanos.putIfAbsent(json.path("model_version").asInt(), t1);
                } else if (!firstOk.get() && r.statusCode() == 503) {
                    beforeFirstModel.increment();
                } else {
                    failedByStatus.computeIfAbsent(r.statusCode(), k -> new LongAdder()).increment();
                    if (failureSamples.size() < 10) {
                        failureSamples.add(java.time.Instant.now() + " " + r.statusCode() + " " + r.body());
                    }
                }
            } catch (Exception e) {
                if (firstOk.get() || !(e instanceof java.io.IOException)) {
                    exceptions.increment();
                    if (failureSamples.size() < 10) {
                        // Wall-clock time so a transport error can be matched with the service log.
                        failureSamples.add(java.time.Instant.now() + " " + e);
                    }
                }
            }
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        latencyChunks.add(Arrays.copyOf(lat, n));
    }

    long ok() {
        return ok.sum();
    }

    /** Non-2xx answers and transport errors after the first 200. */
    long failures() {
        return failedByStatus.values().stream().mapToLong(LongAdder::sum).sum() + exceptions.sum();
    }

    String failureSummary() {
        return "failedByStatus=" + failedByStatus + ", exceptions=" + exceptions.sum() + ", samples=" + failureSamples;
    }

    /** Model versions seen in 200 answers, with when each was first seen (System.nanoTime()). */
    Map<Integer, Long> firstSeen() {
        return Map.copyOf(firstSeenNanos);
    }

    /** Stops the clients and returns the latency summary of all 200 answers. */
    Summary stop() throws InterruptedException {
        running.set(false);
        for (Thread t : workers) {
            t.join(15_000);
        }
        long elapsed = System.nanoTime() - startedNanos.get();
        long[] all = latencyChunks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Summary(threads, ok.sum(), failures(), beforeFirstModel.sum(), elapsed / 1e9,
                percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    record Summary(int threads, long ok, long failures, long before, double seconds, double p50Ms, double p99Ms,
                   double maxMs) {
        double requestsPerSecond() {
            return ok / seconds;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "threads=%d ok=%d failures=%d 503-before-first-model=%d seconds=%.1f req/s=%.0f p50=%.2fms "
                            + "p99=%.2fms max=%.1fms", threads, ok, failures, before, seconds, requestsPerSecond(),
                    p50Ms, p99Ms, maxMs);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
    }
}
