package org.stockcast.model.ingest;

/** Upload limits from API.md; configurable by the services. */
public record IngestLimits(long maxBytes, int maxColumns, int maxFieldChars, int maxProblems) {
    public static final IngestLimits DEFAULTS = new IngestLimits(50L * 1024 * 1024, 1_000, 10_000, 20);
}
