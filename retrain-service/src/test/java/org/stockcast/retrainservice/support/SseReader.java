package org.stockcast.retrainservice.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A text/event-stream parser following the WHATWG rules: "field: value" lines, multi-line data joined by
 * newlines, comment lines starting with ':' and a blank line dispatching the event.
 */
public final class SseReader implements AutoCloseable {
    private final BufferedReader reader;
    private int comments;

    public SseReader(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next event, or null at the end of the stream. */
    public SseEvent next() throws IOException {
        String id = null;
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new SseEvent(id, event == null ? "message" : event, data.toString());
                }
                id = null;
                event = null;
                continue;
            }
            if (line.startsWith(":")) {
                comments++;
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> { }
            }
        }
        return null;
    }

    /** Reads until the stream ends. */
    public List<SseEvent> readAll() throws IOException {
        List<SseEvent> events = new ArrayList<>();
        SseEvent e;
        while ((e = next()) != null) {
            events.add(e);
        }
        return events;
    }

    /** Reads until an event matches (included) or the stream ends. */
    public List<SseEvent> readUntil(Predicate<SseEvent> stop) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        SseEvent e;
        while ((e = next()) != null) {
            events.add(e);
            if (stop.test(e)) {
                break;
            }
        }
        return events;
    }

    public int comments() {
        return comments;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
