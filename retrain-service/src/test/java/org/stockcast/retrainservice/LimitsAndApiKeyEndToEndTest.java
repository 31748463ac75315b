package org.stockcast.retrainservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.stockcast.model.store.ModelStore;
import org.stockcast.retrainservice.support.Http;
import org.stockcast.retrainservice.support.Multipart;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real server with an API key and small upload limits, on a missing data directory: the key guards the
 * POSTs, oversized multipart bodies get 413 problem+json (not a container error page), and with no master data
 * nothing is trained or published at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inventory.retrain.api-key=k3y-for-tests",
        "inventory.upload.max-bytes=4KB",
        "spring.servlet.multipart.max-file-size=8KB",
        "spring.servlet.multipart.max-request-size=9KB"})
class LimitsAndApiKeyEndToEndTest {
    private static final Path ROOT = tempRoot();
    private static final JsonMapper JSON = new JsonMapper();
    private static final String KEY = "Bearer k3y-for-tests";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("inventory.data-dir", () -> ROOT.resolve("no-data-yet").toString());
        registry.add("inventory.model-dir", () -> ROOT.resolve("models").toString());
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("retrain-limits-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
    }

    private static Multipart csvOfSize(String name, int bytes) {
        StringBuilder csv = new StringBuilder("date,product_id,sales\n");
        java.time.LocalDate day = java.time.LocalDate.of(2020, 1, 1);
        while (csv.length() < bytes) {
            csv.append(day).append(",P001,").append(10 + day.getDayOfMonth()).append('\n');
            day = day.plusDays(1);
        }
        return Multipart.file("file", name, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void postsNeedTheBearerKeyButReadsDoNot() throws Exception {
        Http http = new Http(port);
        HttpResponse<String> anonymous = http.text(http.post("/retrain", csvOfSize("a.csv", 100)));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(JSON.readTree(anonymous.body()).get("status").asInt()).isEqualTo(401);

        HttpResponse<String> wrong = http.text(http.post("/retrain/jobs", csvOfSize("a.csv", 100))
                .header("Authorization", "Bearer nope"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        // Even a huge body is refused for want of a key before it is parsed.
        assertThat(http.text(http.post("/retrain/jobs", csvOfSize("big.csv", 64 * 1024))).statusCode())
                .isEqualTo(401);

        HttpResponse<String> bad = http.text(http.post("/retrain/jobs", Multipart.file("file", "bad.csv",
                "text/csv", "date,sales\n2025-01-01,-1\n".getBytes(StandardCharsets.UTF_8))).header("Authorization", KEY));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("file").asString()).isEqualTo("bad.csv");

        HttpResponse<String> jobs = http.text(http.get("/retrain/jobs"));
        assertThat(jobs.statusCode()).isEqualTo(200);
    }

    @Test
    void uploadsAboveTheLimitsAre413ProblemJson() throws Exception {
        Http http = new Http(port);
        // Between inventory.upload.max-bytes and the multipart limit: answered by the upload reader.
        HttpResponse<String> aboveUploadLimit = http.text(http.post("/retrain", csvOfSize("six-kb.csv", 6 * 1024))
                .header("Authorization", KEY));
        assertThat(aboveUploadLimit.statusCode()).isEqualTo(413);
        assertThat(aboveUploadLimit.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(aboveUploadLimit.body());
        assertThat(problem.get("file").asString()).isEqualTo("six-kb.csv");
        assertThat(problem.get("title").asString()).isEqualTo("Upload too large");

        // Beyond spring.servlet.multipart limits: the container rejects the part, still as problem+json.
        HttpResponse<String> aboveMultipartLimit = http.text(http.post("/retrain/jobs",
                csvOfSize("huge.csv", 256 * 1024)).header("Authorization", KEY));
        assertThat(aboveMultipartLimit.statusCode()).isEqualTo(413);
        assertThat(aboveMultipartLimit.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        assertThat(JSON.readTree(aboveMultipartLimit.body()).get("status").asInt()).isEqualTo(413);
    }

    @Test
    void withNoMasterDataNothingIsTrainedAtStartUp() throws Exception {
        Http http = new Http(port);
        JsonNode jobs = JSON.readTree(http.text(http.get("/retrain/jobs")).body());
        for (JsonNode job : jobs) {
            assertThat(job.get("kind").asString()).isNotEqualTo("bootstrap");
        }
        assertThat(new ModelStore(ROOT.resolve("models"), 5).versions()).isEmpty();
        assertThat(Files.exists(ROOT.resolve("no-data-yet").resolve("master.csv"))).isFalse();
        assertThat(Files.exists(ROOT.resolve("no-data-yet").resolve("master"))).isFalse();
    }
}
