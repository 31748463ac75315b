package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's start command, ops/start.sh, really starts both services (with the jars the reactor just built,
 * SKIP_BUILD=1) and a Ctrl-C (SIGINT to the script) stops both cleanly, leaving no process behind.
 */
@ExtendWith(GoldenStore.Extension.class)
class StartScriptIT {
    @TempDir
    Path root;

    @Test
    @Timeout(300)
    void startsBothServicesAndCtrlCStopsBoth(GoldenStore golden) throws Exception {
        Stack dirs = new Stack(StartScriptIT.class, root);
        golden.copyInto(dirs);
        int retrainPort = Ports.free();
        int forecastPort = Ports.free();
        Path logs = root.resolve("logs");
        Path scriptLog = SystemTestEnv.logFile(StartScriptIT.class, "start.sh");
        Files.createDirectories(scriptLog.getParent());
        // Ctrl-C must reach the script even when this JVM was started with SIGINT ignored (a background job of a
        // non-interactive shell, e.g. `nohup .ci/run &`): bash cannot trap a signal that was ignored when it started.
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", "bash", "ops/start.sh")
                .directory(SystemTestEnv.repoRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(scriptLog.toFile());
        builder.environment().putAll(java.util.Map.of("SKIP_BUILD", "1",
                "INVENTORY_DATA_DIR", dirs.dataDir.toString(), "INVENTORY_MODEL_DIR", dirs.modelDir.toString(),
                "LOG_DIR", logs.toString(), "RETRAIN_PORT", Integer.toString(retrainPort),
                "FORECAST_PORT", Integer.toString(forecastPort), "BIND_ADDRESS", "127.0.0.1"));
        Process script = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }, "stop-start.sh"));
        List<ProcessHandle> services = List.of();
        try {
            Http http = new Http();
            awaitStatus(http, "http://127.0.0.1:" + retrainPort + "/actuator/health", script, scriptLog);
            awaitStatus(http, "http://127.0.0.1:" + forecastPort + "/actuator/health/readiness", script, scriptLog);
            assertThat(http.get("http://127.0.0.1:" + forecastPort + "/model").json().path("model_version").asInt())
                    .isEqualTo(golden.version());
            services = script.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
            assertThat(services).hasSize(2);
            assertThat(Files.size(logs.resolve("retrain-service.log"))).isPositive();
            assertThat(Files.size(logs.resolve("forecast-service.log"))).isPositive();

            new ProcessBuilder("kill", "-INT", Long.toString(script.pid())).start().waitFor();
            assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("script stops after Ctrl-C").isTrue();
            assertThat(script.exitValue()).isEqualTo(130);
            for (ProcessHandle p : services) {
                assertThat(p.isAlive()).as("service pid %d still running after Ctrl-C", p.pid()).isFalse();
            }
            assertThat(Files.readString(scriptLog)).contains("Stopped.");
        } finally {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
    }

    private static void awaitStatus(Http http, String url, Process script, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!script.isAlive()) {
                throw new AssertionError("ops/start.sh exited " + script.exitValue() + ": " + Files.readString(log));
            }
            try {
                if (http.get(url).status() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(url + " not 200 within 3 minutes: " + Files.readString(log));
    }
}
