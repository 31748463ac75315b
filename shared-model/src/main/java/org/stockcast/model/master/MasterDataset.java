package org.stockcast.model.master;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.stockcast.model.dataset.MergeResult;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableCsv;
import org.stockcast.model.dataset.SalesTableMerge;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.model.ingest.IngestLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master dataset on disk under {@code inventory.data-dir}. Reads and atomic writes (temp file + rename),
 * keeping the previous version as a backup until the next successful write.
 *
 * <p>Layout: {@code master.csv} (the upload CSV format, so it can be read back with {@link CsvIngest} and opened in
 * a spreadsheet), {@code master.csv.bak} (the version before the last write), and while a write is in progress a
 * temp file {@code .master.csv.*.tmp}, which {@link #load()} never reads; a leftover from a crash is deleted by
 * the next write.
 */
public final class MasterDataset {
    public static final String FILE_NAME = "master.csv";
    public static final String BACKUP_NAME = FILE_NAME + ".bak";
    private static final String TEMP_PREFIX = "." + FILE_NAME + ".";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final Logger log = LoggerFactory.getLogger(MasterDataset.class);

    private final Path dataDir;

    public MasterDataset(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code <dataDir>/master.csv}. */
    public Path file() {
        return dataDir.resolve(FILE_NAME);
    }

    /** {@code <dataDir>/master.csv.bak}: the version replaced by the last write. */
    public Path backupFile() {
        return dataDir.resolve(BACKUP_NAME);
    }

    /** The current master dataset; an empty table when the directory or file does not exist. */
    public SalesTable load() throws IOException {
        Path file = file();
        try (InputStream in = Files.newInputStream(file)) {
            return CsvIngest.read(in, file.toString(), IngestLimits.TRUSTED_FILE);
        } catch (NoSuchFileException e) {
            return SalesTable.empty();
        } catch (CsvRejectedException e) {
            if (e.reason() == CsvRejectedException.Reason.NO_DATA_ROWS) {
                return SalesTable.empty(); // an empty table is written as a header line only
            }
            throw new IOException("the master dataset " + file + " cannot be read (" + e.getMessage()
                    + "); the previous version is in " + backupFile(), e);
        }
    }

    /** Union of rows keyed by (date, product_id); the upload wins on a clash, extra columns of both kept. Pure. */
    public static MergeResult merge(SalesTable master, SalesTable upload) {
        return SalesTableMerge.merge(master, upload);
    }

    /**
     * Reads and validates an upload, merges it into the current master dataset and writes the result: the whole
     * "upload" step in one call. A rejected upload throws {@link CsvRejectedException} before anything is touched.
     */
    public synchronized MergeResult importCsv(InputStream upload, String fileName, IngestLimits limits)
            throws IOException {
        SalesTable table = CsvIngest.read(upload, fileName, limits);
        MergeResult result = merge(load(), table);
        write(result.merged());
        return result;
    }

    /** Atomically replaces the master dataset with {@code table}; the replaced file becomes the backup. */
    public void write(SalesTable table) throws IOException {
        write(table, () -> { });
    }

    /**
     * {@link #write(SalesTable)} with a step run after the new version is durable in its temp file and before it
     * replaces {@code master.csv}: tests use it to simulate a crash at the worst moment.
     */
    synchronized void write(SalesTable table, Runnable beforeRename) throws IOException {
        Files.createDirectories(dataDir);
        deleteLeftoverTempFiles();
        Path temp = Files.createTempFile(dataDir, TEMP_PREFIX, TEMP_SUFFIX);
        boolean renamed = false;
        try {
            makeWorldReadable(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                SalesTableCsv.write(table, out);
                channel.force(true);
            }
            beforeRename.run();
            // The old backup is replaced only once the new version is in place, so a crash at any point leaves
            // master.csv complete (old or new) and master.csv.bak at most one version behind it.
            Path previous = linkCurrentVersion();
            moveAtomically(temp, file());
            renamed = true;
            if (previous != null) {
                moveAtomically(previous, backupFile());
            }
            syncDirectory();
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A second name for the current master.csv (a hard link, or a copy where links are unsupported) under a temp
     * name, to become the backup; null when there is no current version.
     */
    private Path linkCurrentVersion() throws IOException {
        Path current = file();
        if (!Files.exists(current)) {
            return null;
        }
        Path previous = dataDir.resolve(TEMP_PREFIX + "bak" + TEMP_SUFFIX);
        Files.deleteIfExists(previous);
        try {
            Files.createLink(previous, current);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(current, previous, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(previous, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        return previous;
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on exotic file systems; a plain replace is the best left.
            log.warn("atomic rename not supported in {}; replacing {} non-atomically", source.getParent(), target);
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames durable (POSIX); not possible on every platform, where it is skipped. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot fsync directory {}: {}", dataDir, e.toString());
        }
    }

    /** Temp files are created owner-only; the dataset itself is as readable as any file the service writes. */
    private static void makeWorldReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions apply
        }
    }

    private void deleteLeftoverTempFiles() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dataDir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                log.warn("deleting {} left over from an interrupted write of the master dataset", leftover);
                Files.deleteIfExists(leftover);
            }
        }
    }
}
