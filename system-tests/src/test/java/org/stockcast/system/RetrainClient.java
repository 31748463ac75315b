package org.stockcast.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** Drives POST /retrain of a running retrain-service and follows its SSE stream to the final event. */
final class RetrainClient {

    /** The whole exchange: an HTTP error (no events) or the SSE events ending in result/error. */
    record Outcome(int status, String contentType, String errorBody, List<Sse.Event> events, long millis) {
        boolean streamed() {
            return status == 200 && contentType != null && contentType.startsWith("text/event-stream");
        }

        Sse.Event last() {
            return events.isEmpty() ? null : events.get(events.size() - 1);
        }

        /** The final {@code event: result} with status success, or an AssertionError describing what came instead. */
        JsonNode success() {
            Sse.Event last = last();
            if (!streamed() || last == null || !last.name().equals("result")) {
                throw new AssertionError("retrain did not succeed: " + this);
            }
            JsonNode result = last.json();
            if (!"success".equals(result.path("status").asString())) {
                throw new AssertionError("retrain result not success: " + last.data());
            }
            return result;
        }

        JsonNode problem() {
            return Http.JSON.readTree(errorBody);
        }

        @Override
        public String toString() {
            return "Outcome[" + status + " " + contentType + " " + millis + " ms, "
                    + (errorBody != null ? "body=" + abbreviate(errorBody) : "events=" + events.size()
                    + (events.isEmpty() ? "" : ", last=" + last().name() + " " + abbreviate(last().data()))) + "]";
        }

        private static String abbreviate(String s) {
            return s.length() > 800 ? s.substring(0, 800) + "..." : s;
        }
    }

    private final Http http;
    private final String baseUrl;

    RetrainClient(Http http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    URI retrainUri(String query) {
        return URI.create(baseUrl + "/retrain" + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    Outcome upload(String fileName, byte[] csv) throws IOException, InterruptedException {
        return exchange(Multipart.csv(retrainUri(null), fileName, csv).build(), e -> { });
    }

    Outcome upload(String fileName, byte[] csv, String query, Consumer<Sse.Event> onEvent)
            throws IOException, InterruptedException {
        return exchange(Multipart.csv(retrainUri(query), fileName, csv).build(), onEvent);
    }

    Outcome upload(String fileName, Path csv) throws IOException, InterruptedException {
        return exchange(Multipart.csv(retrainUri(null), fileName, csv).build(), e -> { });
    }

    /** Sends any request to the retrain endpoint and collects the answer, streamed or not. */
    Outcome exchange(HttpRequest request, Consumer<Sse.Event> onEvent) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.stream(request);
        String type = r.headers().firstValue("Content-Type").orElse(null);
        if (r.statusCode() == 200 && type != null && type.startsWith("text/event-stream")) {
            List<Sse.Event> events = new ArrayList<>();
            Sse.read(r.body(), e -> {
                events.add(e);
                onEvent.accept(e);
            });
            return new Outcome(200, type, null, List.copyOf(events), (System.nanoTime() - start) / 1_000_000);
        }
        String body;
        try (InputStream in = r.body()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new Outcome(r.statusCode(), type, body, List.of(), (System.nanoTime() - start) / 1_000_000);
    }
}
