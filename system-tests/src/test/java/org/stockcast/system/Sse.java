package org.stockcast.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** A server-sent-events reader following the WHATWG parsing rules (event, id, data lines, comments, blank line). */
final class Sse {
    record Event(String name, String id, String data) {
        JsonNode json() {
            return Http.JSON.readTree(data);
        }
    }

    private Sse() {
    }

    /** Reads events until the stream ends or {@code onEvent} throws; events without data are skipped. */
    static void read(InputStream in, Consumer<Event> onEvent) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        onEvent.accept(new Event(name == null ? "message" : name, id, data.toString()));
                    }
                    name = null;
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> { }
                }
            }
            // An event not terminated by a blank line before the stream ends is discarded, as browsers do.
        }
    }
}
