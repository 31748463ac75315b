package org.stockcast.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus (/usr/bin/prometheus) on a free loopback port, configured from ops/prometheus/prometheus.yml
 * with only the targets (compose service names -> the test's ports) and the intervals changed.
 */
final class PrometheusServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final int port;
    private final Path logFile;

    private PrometheusServer(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** The project's scrape config with {@code host:port} targets replaced; fails if a target is not there. */
    static String configFor(String projectConfig, int retrainPort, int forecastPort, String interval) {
        String config = replaceOnce(projectConfig, "'retrain-service:8000'", "'127.0.0.1:" + retrainPort + "'");
        config = replaceOnce(config, "'forecast-service:8001'", "'127.0.0.1:" + forecastPort + "'");
        return config.replaceAll("(scrape_interval|evaluation_interval): *\\S+", "$1: " + interval);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0 || text.indexOf(target, at + 1) >= 0) {
            throw new AssertionError("ops/prometheus/prometheus.yml must name the target " + target + " exactly once");
        }
        return text.replace(target, replacement);
    }

    static PrometheusServer start(Path workDir, String config, Path logFile) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " missing: run ops/install-test-deps.sh (Debian package prometheus)");
        }
        Path configFile = workDir.resolve("prometheus.yml");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);
        Path tsdb = Files.createDirectories(workDir.resolve("tsdb"));
        int port = Ports.free();
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + tsdb,
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h"));
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-prometheus"));
        return new PrometheusServer(process, port, logFile);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void awaitReady(Http http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited: " + logTail());
            }
            try {
                if (http.get(baseUrl() + "/-/ready").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus not ready after " + timeout + ": " + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
