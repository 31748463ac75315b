package org.stockcast.retrainservice.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client against the test server (no MockMvc). */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public HttpRequest.Builder post(String path, Multipart body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", body.contentType()).POST(body.publisher());
    }

    public HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(5)).GET();
    }

    public HttpResponse<String> text(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<InputStream> stream(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
