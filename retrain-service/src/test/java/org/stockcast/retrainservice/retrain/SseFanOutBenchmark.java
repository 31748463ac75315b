package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.stockcast.retrainservice.support.Http;
import org.stockcast.retrainservice.support.Multipart;
import org.stockcast.retrainservice.support.SseEvent;
import org.stockcast.retrainservice.support.SseReader;
import org.stockcast.retrainservice.support.SseSocket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client half of the SSE fan-out benchmark (BENCHMARKS.md "SSE with WebFlux: 500 clients on one job"): against
 * a running {@link SseBenchServer}, start one job by a real upload, connect {@code clients} SSE clients to its
 * {@code /retrain/jobs/{id}/events}, wait until every one has the replayed start, then trigger the synthetic
 * events and measure, per event and client, the lag from the emit call to the parsed event on the client, plus
 * the server's CPU time, resident memory, heap after a full GC and thread count (from /proc and jcmd).
 * <p>
 * Arguments: port, server pid, clients, label, trigger file. Prints one Markdown table row: label | clients |
 * streams served (200) | streams complete and in order | server RSS MB before the clients / with them connected /
 * peak while streaming | heap MB after a full GC before / with the clients | server threads before / with the
 * clients | events received in all | server CPU s while streaming | client CPU s | wall s | lag p50 / p99 / max ms | emit call
 * p50 / p99 microseconds on the job thread | 1-minute load average at the end.
 */
public final class SseFanOutBenchmark {
    private static final JsonMapper JSON = new JsonMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String BENCH_MESSAGE = "\"message\":\"bench ";

    private SseFanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        run(port, new ServerProcess(pid), clients, args[3], Path.of(args[4]), System.out);
    }

    static void run(int port, ServerProcess server, int clients, String label, Path trigger, PrintStream out)
            throws Exception {
        String jobId = startJob(port);
        ServerProcess.Sample idle = server.sample();

        // One blocking socket and thread per client, like a browser's connection: nothing in between buffers.
        ExecutorService readers = Executors.newFixedThreadPool(clients);
        List<Stream> streams = new ArrayList<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        for (int i = 0; i < clients; i++) {
            Stream stream = new Stream(port, RetrainJob.eventsPath(jobId));
            streams.add(stream);
            readers.execute(() -> {
                try {
                    stream.read();
                } catch (IOException | RuntimeException e) {
                    refused.incrementAndGet();
                    firstRefusal.compareAndSet(null, "after event " + stream.lastId + ": " + e);
                } finally {
                    stream.done.complete(null);
                }
            });
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        // Every client has the two replayed upload events (or was refused) before the job goes on.
        while (streams.stream().anyMatch(s -> s.lastId < 2 && !s.done.isDone()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        ServerProcess.Sample connected = server.sample();

        long cpuBefore = server.cpuNanos();
        long clientCpuBefore = ownCpuNanos();
        long wallBefore = System.nanoTime();
        Files.writeString(trigger, "go");
        long peakRss = 0;
        while (!streams.stream().allMatch(s -> s.done.isDone()) && System.nanoTime() < deadline) {
            peakRss = Math.max(peakRss, server.rssKb());
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        double cpu = (server.cpuNanos() - cpuBefore) / 1e9;
        double clientCpu = (ownCpuNanos() - clientCpuBefore) / 1e9;
        double wall = (System.nanoTime() - wallBefore) / 1e9;

        long[] lags = streams.stream().flatMapToLong(s -> s.lagNanos.stream().mapToLong(Long::longValue)).toArray();
        Arrays.sort(lags);
        long complete = streams.stream().filter(s -> s.inOrder && s.result != null).count();
        JsonNode metrics = streams.stream().filter(s -> s.result != null).findFirst()
                .map(s -> JSON.readTree(s.result).get("metrics")).orElse(null);
        double emitP50 = metrics == null ? Double.NaN : metrics.get("emit_call_p50_us").asDouble();
        double emitP99 = metrics == null ? Double.NaN : metrics.get("emit_call_p99_us").asDouble();
        out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d / %d / %d | %d / %d | %d / %d | %d | %.2f | %.2f | %.1f "
                        + "| %.1f / %.1f / %.1f | %.0f / %.0f | %.1f |%n",
                label, clients, clients - refused.get(), complete,
                idle.rssKb() / 1024, connected.rssKb() / 1024, peakRss / 1024,
                idle.heapKb() / 1024, connected.heapKb() / 1024, idle.threads(), connected.threads(),
                lags.length, cpu, clientCpu, wall, percentile(lags, 0.50) / 1e6, percentile(lags, 0.99) / 1e6,
                lags.length == 0 ? Double.NaN : lags[lags.length - 1] / 1e6, emitP50, emitP99, loadAverage());
        if (firstRefusal.get() != null) {
            out.println("(first refused stream: " + firstRefusal.get() + ")");
        }
        readers.shutdownNow();
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)];
    }

    private static String startJob(int port) throws IOException, InterruptedException {
        Http http = new Http(port);
        Multipart upload = Multipart.file("file", "bench.csv", "text/csv",
                "date,sales\n2025-09-01,3\n2025-09-02,4\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = http.text(http.post("/retrain/jobs", upload));
        if (created.statusCode() != 202) {
            throw new IllegalStateException("upload refused: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("jobId").asString();
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One client: reads its stream as fast as it can and records each benchmark event's lag. */
    private static final class Stream {
        final List<Long> lagNanos = new ArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final int port;
        private final String path;
        volatile long lastId;
        volatile boolean inOrder = true;
        volatile String result;

        Stream(int port, String path) {
            this.port = port;
            this.path = path;
        }

        void read() throws IOException {
            try (SseSocket socket = SseSocket.open(port, path, 0); SseReader reader = socket.events()) {
                SseEvent event;
                while ((event = reader.next()) != null) {
                    long now = System.nanoTime();
                    long id = Long.parseLong(event.id());
                    inOrder &= id == lastId + 1;
                    lastId = id;
                    if (event.event().equals("result")) {
                        result = event.data();
                        return;
                    }
                    int at = event.data().indexOf(BENCH_MESSAGE);
                    if (at >= 0) {
                        String[] words = event.data().substring(at + BENCH_MESSAGE.length()).split(" ", 3);
                        lagNanos.add(now - Long.parseLong(words[1]));
                    }
                }
                inOrder = false;
            }
        }
    }

    /** The server JVM seen from outside: /proc for CPU, memory and threads, jcmd for the heap after a full GC. */
    record ServerProcess(long pid) {
        record Sample(long rssKb, long heapKb, long threads) {
        }

        /** After a full GC, so the resident size is not whatever garbage happened to be around. */
        Sample sample() throws IOException, InterruptedException {
            long heap = heapAfterGcKb();
            return new Sample(rssKb(), heap, status("Threads:"));
        }

        long rssKb() {
            return status("VmRSS:");
        }

        long cpuNanos() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime (fields 14 and 15 of stat, 12 and 13 after the command) in clock ticks of 10 ms
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
        }

        private long status(String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.substring(key.length()).strip().split("\\s+")[0]);
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return -1;
        }

        private long heapAfterGcKb() throws IOException, InterruptedException {
            run("jcmd", Long.toString(pid), "GC.run");
            String info = run("jcmd", Long.toString(pid), "GC.heap_info");
            // "garbage-first heap   total 262144K, used 41234K [..."
            int used = info.indexOf("used ");
            return used < 0 ? -1 : Long.parseLong(info.substring(used + 5, info.indexOf('K', used)));
        }

        private static String run(String... command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(1, TimeUnit.MINUTES);
            return output;
        }
    }
}
