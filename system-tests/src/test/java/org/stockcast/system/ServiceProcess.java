package org.stockcast.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real service process: {@code java @ops/jvm/<service>.jvm.options -jar <repackaged jar> --...}, the same JVM
 * options as the Dockerfile and ops/start.sh, OMP_NUM_THREADS=1, listening on 127.0.0.1 only, output to a log file.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    enum Service {
        RETRAIN("retrain-service", "retrain.jar"), FORECAST("forecast-service", "forecast.jar");

        final String name;
        final String jarProperty;

        Service(String name, String jarProperty) {
            this.name = name;
            this.jarProperty = jarProperty;
        }
    }

    private final Service service;
    private final int port;
    private final Path logFile;
    private final List<String> command;
    private Process process;
    /** Lines the log file held before the running process's first line (the file is appended to across runs). */
    private long linesBeforeLaunch;

    private ServiceProcess(Service service, int port, Path logFile, List<String> command) {
        this.service = service;
        this.port = port;
        this.logFile = logFile;
        this.command = command;
    }

    /** Starts the service; {@code args} are Spring Boot command-line properties such as {@code --inventory.x=y}. */
    static ServiceProcess start(Service service, int port, Path dataDir, Path modelDir, Path logFile,
                                List<String> args) throws IOException {
        return start(service, port, dataDir, modelDir, logFile, List.of(), args);
    }

    /**
     * As {@link #start(Service, int, Path, Path, Path, List)} with {@code jvmArgs} after the ops/jvm options file,
     * so they override it (the last {@code -Xmx} wins), e.g. a bigger heap for the scale benchmark.
     */
    static ServiceProcess start(Service service, int port, Path dataDir, Path modelDir, Path logFile,
                                List<String> jvmArgs, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + SystemTestEnv.repoRoot().resolve("ops/jvm/" + service.name + ".jvm.options"));
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(SystemTestEnv.jar(service).toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        command.add("--inventory.data-dir=" + dataDir);
        command.add("--inventory.model-dir=" + modelDir);
        command.addAll(args);
        ServiceProcess p = new ServiceProcess(service, port, logFile, command);
        p.launch();
        return p;
    }

    private void launch() throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("OMP_NUM_THREADS", "1");
        linesBeforeLaunch = lineCount(logFile);
        Files.writeString(logFile, "\n==== " + Instant.now() + " " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        // If the test JVM is stopped (failsafe timeout, Ctrl-C), take the service down with it.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "stop-" + service.name));
        log.info("started {} pid {} on port {} (log {})", service.name, process.pid(), port, logFile);
    }

    /** Starts the same command again (same port, same directories), e.g. after {@link #kill9()}. */
    void restart() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(service.name + " still running");
        }
        launch();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until /actuator/health answers at all (liveness; readiness may still be DOWN). */
    Duration awaitUp(Duration timeout) throws InterruptedException {
        return awaitHealth("/actuator/health", timeout, false);
    }

    /** Waits until /actuator/health/readiness is 200 (forecast: a model is loaded). */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        return awaitHealth("/actuator/health/readiness", timeout, true);
    }

    private Duration awaitHealth(String path, Duration timeout, boolean need200) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(service.name + " exited with " + process.exitValue() + " while starting\n"
                        + logTail(60));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 || (!need200 && r.statusCode() == 503)) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(service.name + " not " + (need200 ? "ready" : "up") + " after " + timeout
                + " (last: " + last + ")\n" + logTail(60));
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly like a power cut of this process. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(service.name + " survived SIGKILL");
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The running process's log lines, without earlier runs' in the same file. */
    List<String> logSinceLaunch() {
        try (var lines = Files.lines(logFile, StandardCharsets.UTF_8)) {
            return lines.skip(linesBeforeLaunch).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    /** Peak resident set size of the process so far (VmHWM from /proc), in MB; -1 when unavailable. */
    long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // process gone or no procfs
        }
        return -1;
    }

    /** SIGTERM, then SIGKILL if the service does not stop within 20 s. Logs the peak RSS as a figure first. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        long rss = peakRssMb();
        log.info("FIGURE peak RSS {} ({}): {} MB", service.name, logFile.getParent().getFileName(), rss);
        try {
            Files.createDirectories(SystemTestEnv.workDir());
            Files.writeString(SystemTestEnv.workDir().resolve("peak-rss.txt"), service.name + " "
                    + logFile.getParent().getFileName() + " " + rss + " MB\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("could not record peak RSS", e);
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            log.warn("{} ignored SIGTERM for 20 s, killing", service.name);
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
