package org.stockcast.model.ingest;

import java.util.List;

/**
 * The upload cannot be used; nothing has been changed. {@code reason} decides the HTTP status
 * (TOO_LARGE = 413, NOT_CSV = 415, everything else 400). {@code problems} lists up to the limit's count of
 * invalid cells, in file order.
 */
public final class CsvRejectedException extends RuntimeException {

    public enum Reason { EMPTY, NO_DATA_ROWS, NOT_CSV, BAD_HEADER, INVALID_ROWS, TOO_LARGE }

    private final String fileName;
    private final Reason reason;
    private final List<RowProblem> problems;
    private final long totalProblems;

    public CsvRejectedException(String fileName, Reason reason, String message, List<RowProblem> problems) {
        this(fileName, reason, message, problems, problems.size());
    }

    /** {@code totalProblems} counts every invalid cell found, also those beyond the listed ones. */
    public CsvRejectedException(String fileName, Reason reason, String message, List<RowProblem> problems,
                                long totalProblems) {
        super(message);
        this.fileName = fileName;
        this.reason = reason;
        this.problems = List.copyOf(problems);
        this.totalProblems = totalProblems;
    }

    public String fileName() {
        return fileName;
    }

    public Reason reason() {
        return reason;
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** All problems found in the file; may exceed {@code problems().size()}, which is capped. */
    public long totalProblems() {
        return totalProblems;
    }
}
