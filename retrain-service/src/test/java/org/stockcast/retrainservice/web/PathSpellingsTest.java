package org.stockcast.retrainservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every spelling of every write path, sent byte for byte over a socket to the real server (an HTTP client would
 * normalise some of them first). Without the key each is refused (401 problem+json with WWW-Authenticate) or
 * rejected (400: not a normalised path); never does one reach the upload handling. With the key the valid
 * spellings reach it (a bad CSV then gives the handler's own 400 "Upload rejected"), the others are 404 or 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "inventory.retrain.api-key=" + PathSpellingsTest.KEY)
class PathSpellingsTest {
    static final String KEY = "spelling-k3y";
    private static final Path ROOT = tempRoot();
    private static final JsonMapper JSON = new JsonMapper();
    private static final String BOUNDARY = "spellings";
    private static final byte[] BAD_CSV = ("--" + BOUNDARY + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"bad.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + "date,sales\n2025-01-01,-1\n\r\n"
            + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);

    /** What a spelling gets with the key: the handler (a valid spelling), no such resource, or a rejected path. */
    enum WithKey { HANDLED, NOT_FOUND, REJECTED }

    record Spelling(String path, WithKey withKey) {
        @Override
        public String toString() {
            return path;
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("inventory.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("inventory.model-dir", () -> ROOT.resolve("models").toString());
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("retrain-spellings-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
    }

    /** The write endpoints of the service (RetrainController's POST mappings). */
    static final List<String> WRITE_PATHS = List.of("/retrain", "/retrain/jobs");

    static Stream<Spelling> spellings() {
        List<Spelling> all = new ArrayList<>();
        for (String path : WRITE_PATHS) {
            all.add(new Spelling(path, WithKey.HANDLED));
            // Percent-encoded unreserved characters are the same path after decoding.
            all.add(new Spelling(path.replaceFirst("r", "%72"), WithKey.HANDLED));
            all.add(new Spelling(path.replace("/jobs", "/%6Aobs"), WithKey.HANDLED));
            // Paths are case-sensitive: another resource, which does not exist, and still a write.
            all.add(new Spelling(path.toUpperCase(Locale.ROOT), WithKey.NOT_FOUND));
            all.add(new Spelling(path.replaceFirst("r", "R"), WithKey.NOT_FOUND));
            all.add(new Spelling(path + "/", WithKey.NOT_FOUND));
            // Not normalised: refused by the firewall whatever the key.
            all.add(new Spelling(path + ";x=y", WithKey.REJECTED));
            all.add(new Spelling("/retrain;x=y" + path.substring("/retrain".length()), WithKey.REJECTED));
            all.add(new Spelling("/" + path, WithKey.REJECTED));
            all.add(new Spelling(path.replace("/jobs", "//jobs") + "//", WithKey.REJECTED));
            all.add(new Spelling("/." + path, WithKey.REJECTED));
            all.add(new Spelling("/foo/.." + path, WithKey.REJECTED));
            all.add(new Spelling("/%2e" + path, WithKey.REJECTED));
            all.add(new Spelling(path.replace("/jobs", "%2Fjobs"), path.endsWith("/jobs")
                    ? WithKey.REJECTED : WithKey.HANDLED));
        }
        return all.stream().distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    @Timeout(30)
    void withoutTheKeyNoSpellingIsAccepted(Spelling spelling) throws Exception {
        Response anonymous = post(spelling.path(), null);
        assertThat(anonymous.status()).as("POST %s without key", spelling.path()).isIn(400, 401);
        assertThat(anonymous.body()).doesNotContain("Upload rejected");
        if (anonymous.status() == 401) {
            assertThat(anonymous.header("content-type")).startsWith("application/problem+json");
            assertThat(anonymous.header("www-authenticate")).isEqualTo("Bearer");
            assertThat(JSON.readTree(anonymous.body()).get("status").asInt()).isEqualTo(401);
        }
        Response wrongKey = post(spelling.path(), "Bearer not-the-key");
        assertThat(wrongKey.status()).as("POST %s with a wrong key", spelling.path()).isIn(400, 401);
        assertThat(wrongKey.body()).doesNotContain("Upload rejected");
        if (spelling.withKey() == WithKey.REJECTED) {
            assertThat(anonymous.status()).as("POST %s is not normalised", spelling.path()).isEqualTo(400);
        } else {
            assertThat(anonymous.status()).as("POST %s without key", spelling.path()).isEqualTo(401);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    @Timeout(30)
    void withTheKeyValidSpellingsReachTheHandler(Spelling spelling) throws Exception {
        Response keyed = post(spelling.path(), "Bearer " + KEY);
        switch (spelling.withKey()) {
            case HANDLED -> {
                assertThat(keyed.status()).as("POST %s with key", spelling.path()).isEqualTo(400);
                assertThat(JSON.readTree(keyed.body()).get("title").asString()).isEqualTo("Upload rejected");
            }
            case NOT_FOUND -> assertThat(keyed.status()).as("POST %s with key", spelling.path()).isEqualTo(404);
            case REJECTED -> {
                assertThat(keyed.status()).as("POST %s with key", spelling.path()).isEqualTo(400);
                assertThat(keyed.body()).doesNotContain("Upload rejected");
            }
        }
    }

    @Test
    void readsStayOpenAndLowerCaseBearerIsAccepted() throws Exception {
        assertThat(get("/retrain/jobs").status()).isEqualTo(200);
        Response keyed = post("/retrain/jobs", "bearer " + KEY);
        assertThat(keyed.status()).isEqualTo(400);
        assertThat(keyed.body()).contains("Upload rejected");
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private Response post(String path, String authorization) throws IOException {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                + "Content-Length: " + BAD_CSV.length + "\r\nConnection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("\r\n");
        return exchange(head.toString().getBytes(StandardCharsets.US_ASCII), BAD_CSV);
    }

    private Response get(String path) throws IOException {
        return exchange(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), new byte[0]);
    }

    private Response exchange(byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return parse(all.toString(StandardCharsets.UTF_8));
        }
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers, body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
