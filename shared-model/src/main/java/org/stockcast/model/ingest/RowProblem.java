package org.stockcast.model.ingest;

/** One invalid cell: row is the 1-based line number in the file (the header is line 1). */
public record RowProblem(long row, String column, String value, String reason) {
}
