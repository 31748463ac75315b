package org.stockcast.model.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.stockcast.model.dataset.SalesTable;

/**
 * Parses and validates an uploaded sales CSV (API.md "CSV input") in one streaming pass.
 * {@code fileName} is only used in messages, never as a path.
 */
public final class CsvIngest {
    private CsvIngest() {
    }

    /** @throws CsvRejectedException when the file is unusable; the exception lists the problems. */
    public static SalesTable read(InputStream in, String fileName, IngestLimits limits) throws IOException {
        throw new UnsupportedOperationException("issue #2");
    }
}
