package org.stockcast.retrainservice.support;

/** One dispatched server-sent event as a browser would see it (event name defaults to "message"). */
public record SseEvent(String id, String event, String data) {
}
