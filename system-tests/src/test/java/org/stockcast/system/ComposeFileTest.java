package org.stockcast.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml parses (Debian's docker-compose; there is no Docker engine here) and the container setup
 * stays in step with what the system tests run: the same jars, JVM option files and environment.
 */
class ComposeFileTest {
    private final Path repo = SystemTestEnv.repoRoot();

    @Test
    void composeFileIsValid() throws Exception {
        Process p = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("docker-compose config -q: %s", out).isZero();
    }

    @Test
    void composeUsesTheDockerfilesVolumesAndScrapeConfig() throws Exception {
        Process p = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config")
                .directory(repo.toFile()).redirectErrorStream(true).start();
        String resolved = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(resolved).contains("dockerfile: retrain-service/Dockerfile", "dockerfile: forecast-service/Dockerfile",
                "ops/prometheus/prometheus.yml", "data:/data", "models:/models", "8000", "8001");
    }

    @Test
    void dockerfilesRunNonRootWithTheSharedJvmOptions() throws IOException {
        for (String service : List.of("retrain-service", "forecast-service")) {
            String dockerfile = Files.readString(repo.resolve(service + "/Dockerfile"));
            assertThat(dockerfile).as(service)
                    .contains("AS build", "mvn -B -q -pl " + service + " -am -DskipTests package",
                            "COPY ops/jvm/" + service + ".jvm.options /app/jvm.options",
                            "\"java\", \"@/app/jvm.options\"", "OMP_NUM_THREADS=1", "\nUSER app\n");
            List<String> options = Files.readAllLines(repo.resolve("ops/jvm/" + service + ".jvm.options"));
            assertThat(options).anyMatch(o -> o.startsWith("-Xmx"))
                    .anyMatch(o -> o.startsWith("-Dorg.bytedeco.javacpp.maxbytes="))
                    .anyMatch(o -> o.startsWith("-Dorg.bytedeco.javacpp.maxphysicalbytes="));
        }
        String start = Files.readString(repo.resolve("ops/start.sh"));
        assertThat(start).contains("java @ops/jvm/retrain-service.jvm.options", "java @ops/jvm/forecast-service.jvm.options",
                "export OMP_NUM_THREADS=1", "mvn -B -q -DskipTests package");
    }
}
