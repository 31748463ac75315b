package org.stockcast.model.master;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableParts;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.master.PartitionIndex.Partition;

/** Reads one version of the master dataset: the partitions an index names, or a single CSV file. */
final class VersionReader {
    private VersionReader() {
    }

    /**
     * The partitions of {@code index} as one table; a missing, truncated or replaced file fails the whole load,
     * naming {@code backup} when given. Partitions are parsed in parallel: one after the other, the 37 months of
     * 1,000 products took twice as long as the same rows in one file (BENCHMARKS.md, issue 14).
     */
    static SalesTable readPartitions(Path dir, PartitionIndex index, Path backup) throws IOException {
        List<SalesTable> parts;
        try {
            parts = index.partitions().parallelStream().map(partition -> {
                try {
                    return readPartition(dir, partition, backup);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return SalesTableParts.concat(parts, index.extraColumns());
    }

    static SalesTable readPartition(Path dir, Partition partition, Path backup) throws IOException {
        Path file = dir.resolve(partition.file());
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw unreadable(file, "the file is missing", backup, e);
        }
        if (size != partition.bytes()) {
            throw unreadable(file, size + " bytes, the index says " + partition.bytes(), backup, null);
        }
        SalesTable part = readCsv(file, backup);
        if (part.size() != partition.rows()) {
            throw unreadable(file, part.size() + " rows, the index says " + partition.rows(), backup, null);
        }
        return part;
    }

    /** A CSV file in the upload format; empty when it does not exist or has a header only. */
    static SalesTable readCsv(Path file, Path backup) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvIngest.read(in, file.toString(), IngestLimits.TRUSTED_FILE);
        } catch (NoSuchFileException e) {
            return SalesTable.empty();
        } catch (CsvRejectedException e) {
            if (e.reason() == CsvRejectedException.Reason.NO_DATA_ROWS) {
                return SalesTable.empty(); // an empty table is written as a header line only
            }
            throw unreadable(file, e.getMessage(), backup, e);
        }
    }

    private static IOException unreadable(Path file, String why, Path backup, Exception cause) {
        return new IOException("the master dataset " + file + " cannot be read (" + why + ")"
                + (backup == null ? "" : "; the previous version is in " + backup), cause);
    }
}
