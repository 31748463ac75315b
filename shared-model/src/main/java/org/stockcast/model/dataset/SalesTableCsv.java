package org.stockcast.model.dataset;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a table as CSV in the API.md input format, so a written file can be read back by the ingest code. */
public final class SalesTableCsv {
    private SalesTableCsv() {
    }

    public static void write(SalesTable table, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("issue #2");
    }
}
