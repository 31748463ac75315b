package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.master.MasterDataset;

/**
 * Running the product never changes a tracked file: in a fresh git repository holding this working tree's
 * tracked files, the README's start command with its defaults (no INVENTORY_* directories) trains the first
 * version, takes the README's upload, and afterwards {@code git status --porcelain} is empty. The upload went into
 * the seeded runtime copy under var/ (git-ignored); the bundled data/master.csv is byte for byte what was
 * committed.
 */
class CleanWorkingTreeIT {
    private static final Duration START_UP = Duration.ofMinutes(6);

    @TempDir
    Path work;

    @Test
    @Timeout(900)
    void startUploadAndStopLeaveGitStatusEmpty() throws Exception {
        Path clone = work.resolve("clone");
        copyTrackedFiles(SystemTestEnv.repoRoot(), clone);
        git(clone, "init", "-q");
        git(clone, "add", "-A");
        git(clone, "-c", "user.name=system-test", "-c", "user.email=system-test@localhost", "-c",
                "commit.gpgsign=false", "commit", "-q", "-m", "tracked files of the tree under test");
        assertThat(git(clone, "status", "--porcelain")).isEmpty();
        byte[] bundled = Files.readAllBytes(clone.resolve("data/master.csv"));
        for (ServiceProcess.Service service : ServiceProcess.Service.values()) {
            Path jar = SystemTestEnv.jar(service);
            Path target = clone.resolve(service.name).resolve("target");
            Files.createDirectories(target);
            Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        int retrainPort = Ports.free();
        int forecastPort = Ports.free();
        Path scriptLog = SystemTestEnv.logFile(CleanWorkingTreeIT.class, "start.sh");
        Files.createDirectories(scriptLog.getParent());
        // Ctrl-C must reach the script even when this JVM was started with SIGINT ignored (a background job of a
        // non-interactive shell, e.g. `nohup .ci/run &`): bash cannot trap a signal that was ignored when it started.
        ProcessBuilder builder = new ProcessBuilder("env", "--default-signal=INT", "bash", "ops/start.sh")
                .directory(clone.toFile()).redirectErrorStream(true).redirectOutput(scriptLog.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("INVENTORY_") || name.equals("LOG_DIR"));
        env.putAll(Map.of("SKIP_BUILD", "1", "RETRAIN_PORT", Integer.toString(retrainPort),
                "FORECAST_PORT", Integer.toString(forecastPort), "BIND_ADDRESS", "127.0.0.1",
                // Only speed: one LSTM epoch is still a full retrain that writes every file.
                "INVENTORY_LSTM_EPOCHS", "1"));
        Process script = builder.start();
        Thread stopper = new Thread(() -> {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }, "stop-start.sh");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            Http http = new Http();
            String forecast = "http://127.0.0.1:" + forecastPort;
            // Ready = the first version, trained at start-up from the seeded runtime master, is loaded.
            await("first model version served").atMost(START_UP).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .failFast("ops/start.sh exited", () -> !script.isAlive())
                    .until(() -> http.get(forecast + "/actuator/health/readiness").status() == 200);
            String retrain = "http://127.0.0.1:" + retrainPort;
            await("start-up job finished").atMost(START_UP).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !http.get(retrain + "/retrain/jobs").body().contains("\"running\""));

            RetrainClient.Outcome upload = new RetrainClient(http, retrain).upload("sample_dataset_P021_P022.csv",
                    SeedData.resource("sample_dataset_P021_P022.csv"), "epochs=1", event -> { });
            assertThat(upload.success().path("rowsUploaded").asInt()).isPositive();

            // The seeded single file was converted to monthly partitions by the upload (kept as the backup).
            MasterDataset runtimeMaster = new MasterDataset(clone.resolve("var/data"));
            assertThat(runtimeMaster.indexFile()).exists();
            assertThat(runtimeMaster.load().size()).isGreaterThan(runtimeMaster.loadBackup().size());
            assertThat(runtimeMaster.loadBackup().size()).isPositive();
            assertThat(clone.resolve("var/models")).isDirectory();
            assertThat(Files.readAllBytes(clone.resolve("data/master.csv"))).isEqualTo(bundled);

            new ProcessBuilder("kill", "-INT", Long.toString(script.pid())).start().waitFor();
            assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("script stops after Ctrl-C").isTrue();

            assertThat(git(clone, "status", "--porcelain")).as("git status after start, upload, stop").isEmpty();
        } finally {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /** The working tree's version of every tracked file (uncommitted edits included: that is what is tested). */
    private static void copyTrackedFiles(Path repo, Path clone) throws IOException, InterruptedException {
        for (String name : git(repo, "ls-files", "-z").split("\0")) {
            if (name.isEmpty()) {
                continue;
            }
            Path source = repo.resolve(name);
            if (!Files.isRegularFile(source)) {
                continue; // deleted in the working tree
            }
            Path target = clone.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out.strip();
    }
}
