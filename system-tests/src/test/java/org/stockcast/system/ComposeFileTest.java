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
 * docker-compose.yml parses (Debian's docker-compose; there is no Docker engine here), builds both services from the
 * root Dockerfile, and the container setup stays in step with what the system tests run: the same jars, JVM option
 * files and environment.
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
        assertThat(resolved).contains("dockerfile: Dockerfile", "MODULE: retrain-service", "MODULE: forecast-service",
                "ops/prometheus/prometheus.yml", "data:/data", "models:/models", "8000", "8001");
    }

    @Test
    void oneLayeredDockerfileRunsEitherServiceNonRootWithTheSharedJvmOptions() throws IOException {
        String dockerfile = Files.readString(repo.resolve("Dockerfile"));
        assertThat(dockerfile).contains("ARG MODULE", "AS build", "mvn -B -q -pl ${MODULE} -am -DskipTests package",
                "-Djarmode=tools", "extract --layers --launcher", "COPY --from=build /src/layers/dependencies/ ./",
                "COPY --from=build /src/layers/application/ ./", "COPY ops/jvm/${MODULE}.jvm.options /app/jvm.options",
                "\"java\", \"@/app/jvm.options\"", "org.springframework.boot.loader.launch.JarLauncher",
                "OMP_NUM_THREADS=1", "\nUSER app\n");
        for (String service : List.of("retrain-service", "forecast-service")) {
            assertThat(repo.resolve(service + "/Dockerfile")).doesNotExist();
            List<String> options = Files.readAllLines(repo.resolve("ops/jvm/" + service + ".jvm.options"));
            assertThat(options).as(service).anyMatch(o -> o.startsWith("-Xmx"))
                    .anyMatch(o -> o.startsWith("-Dorg.bytedeco.javacpp.maxbytes="))
                    .anyMatch(o -> o.startsWith("-Dorg.bytedeco.javacpp.maxphysicalbytes="));
        }
        String start = Files.readString(repo.resolve("ops/start.sh"));
        assertThat(start).contains("java @ops/jvm/retrain-service.jvm.options", "java @ops/jvm/forecast-service.jvm.options",
                "export OMP_NUM_THREADS=1", "mvn -B -q -DskipTests package");
    }
}
