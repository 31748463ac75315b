package org.stockcast.model.ingest;

/** Upload limits from docs/api.md; configurable by the services. */
public record IngestLimits(long maxBytes, int maxColumns, int maxFieldChars, int maxProblems) {
    public static final IngestLimits DEFAULTS = new IngestLimits(50L * 1024 * 1024, 1_000, 10_000, 20);

    /**
     * For files the system wrote itself (the master dataset): no size limit, since a merged master grows past
     * the upload limit, but the same per-field checks.
     */
    public static final IngestLimits TRUSTED_FILE = new IngestLimits(Long.MAX_VALUE, 100_000, 1_000_000, 20);

    public IngestLimits {
        if (maxBytes <= 0 || maxColumns <= 0 || maxFieldChars <= 0 || maxProblems <= 0) {
            throw new IllegalArgumentException("ingest limits must be positive: " + maxBytes + ", " + maxColumns
                    + ", " + maxFieldChars + ", " + maxProblems);
        }
    }
}
