package org.stockcast.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain JDK HTTP client for the tests (HTTP/1.1, loopback only). */
final class Http {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A finished exchange: status, content type and the whole body. */
    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean ok() {
            return status / 100 == 2;
        }

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    private final HttpClient client;

    Http() {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    Response get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    Response postJson(String url, String json) throws IOException, InterruptedException {
        return postJson(url, json, Duration.ofSeconds(30));
    }

    Response postJson(String url, String json, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                new String(r.body(), StandardCharsets.UTF_8));
    }

    /** Sends and hands back the open body stream (for SSE); the caller closes it. */
    HttpResponse<InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
