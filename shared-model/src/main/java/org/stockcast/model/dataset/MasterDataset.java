package org.stockcast.model.dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The master dataset on disk under {@code inventory.data-dir}. Reads and atomic writes (temp file + rename),
 * keeping the previous version as a backup until the next successful write.
 */
public final class MasterDataset {
    private final Path dataDir;

    public MasterDataset(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The current master dataset; an empty table when the directory or file does not exist. */
    public SalesTable load() throws IOException { throw new UnsupportedOperationException("issue #2"); }

    /** Union of rows keyed by (date, product_id); the upload wins on a clash, extra columns of both kept. Pure. */
    public static MergeResult merge(SalesTable master, SalesTable upload) { throw new UnsupportedOperationException("issue #2"); }

    /** Atomically replaces the master dataset with {@code table}; the replaced file becomes the backup. */
    public void write(SalesTable table) throws IOException { throw new UnsupportedOperationException("issue #2"); }
}
