package org.stockcast.model.master;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.stockcast.model.dataset.MergeResult;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableCsv;
import org.stockcast.model.dataset.SalesTableMerge;
import org.stockcast.model.dataset.SalesTableParts;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.master.MonthSplit.Month;
import org.stockcast.model.master.PartitionIndex.Partition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master dataset on disk under {@code inventory.data-dir}, in monthly partitions so that a daily upload
 * rewrites one month, not the whole history. Writes are atomic and keep the previous version as a backup until
 * the next successful write.
 *
 * <p>Layout: {@code master/index.json} names the current version's partitions ({@link PartitionIndex}); its
 * rename into place is a write's commit point. {@code master/index.json.bak} names the previous version. Partition
 * files {@code master/2024-01.<hash>.csv} are in the upload CSV format (readable with {@link CsvIngest}, openable in
 * a spreadsheet) and never rewritten in place; files named by neither index (and temp files) are crash leftovers,
 * never read and deleted by the next write. A data dir with only {@code master.csv} (the single-file layout of
 * older versions and of the bundled default) loads from it and is converted by its first write, which keeps that
 * file as {@code master.csv.bak}.
 */
public final class MasterDataset {
    /** The single-file layout: the bundled default dataset, and data dirs written by older versions. */
    public static final String FILE_NAME = "master.csv";
    public static final String PARTITION_DIR = "master";
    public static final String INDEX_NAME = "index.json";
    private static final String BACKUP_SUFFIX = ".bak";
    private static final Logger log = LoggerFactory.getLogger(MasterDataset.class);

    private final Path dataDir;
    /**
     * The version last loaded or written. A write compares months against it, and {@link #load()} returns it while
     * index.json still names it: the retrain service is the only writer, and re-reading 11M rows (10,000 products x
     * 3 years) took 27-29 s per upload (BENCHMARKS.md, issue 14). Held strongly: the next upload needs it anyway.
     */
    private PartitionIndex knownIndex;
    private SalesTable knownTable;

    public MasterDataset(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code <dataDir>/master}: the index files and the partitions. */
    public Path partitionDir() {
        return dataDir.resolve(PARTITION_DIR);
    }

    /** {@code <dataDir>/master/index.json}: the current version. */
    public Path indexFile() {
        return partitionDir().resolve(INDEX_NAME);
    }

    /** {@code <dataDir>/master/index.json.bak}: the version the last write replaced; copy it over the index to restore. */
    public Path backupIndexFile() {
        return partitionDir().resolve(INDEX_NAME + BACKUP_SUFFIX);
    }

    /** {@code <dataDir>/master.csv}: the single-file layout, read while there is no index. */
    public Path legacyFile() {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * The current master dataset; an empty table when the directory holds neither an index nor master.csv. The
     * version this instance last loaded or wrote is returned without reading it again while index.json is unchanged
     * and every partition it names is in place with its size (partition files are content-named and never
     * rewritten, so an unchanged index means unchanged rows).
     */
    public synchronized SalesTable load() throws IOException {
        PartitionIndex index = PartitionIndex.read(indexFile());
        if (index == null) {
            return VersionReader.readCsv(legacyFile(), dataDir.resolve(FILE_NAME + BACKUP_SUFFIX));
        }
        if (knownTable != null && index.equals(knownIndex) && partitionsInPlace(index)) {
            return knownTable;
        }
        SalesTable table = VersionReader.readPartitions(partitionDir(), index, backupIndexFile());
        remember(table, index);
        return table;
    }

    /**
     * The index of the current version when it holds exactly {@code table} (this instance loaded or wrote that very
     * table and index.json still names it), else null.
     */
    synchronized PartitionIndex indexOf(SalesTable table) throws IOException {
        if (table != knownTable || knownIndex == null) {
            return null;
        }
        PartitionIndex current = PartitionIndex.read(indexFile());
        return knownIndex.equals(current) && partitionsInPlace(current) ? current : null;
    }

    /** The version before the last write (the backup); an empty table when there is none. */
    public synchronized SalesTable loadBackup() throws IOException {
        PartitionIndex backup = PartitionIndex.read(backupIndexFile());
        Path legacyBackup = dataDir.resolve(FILE_NAME + BACKUP_SUFFIX);
        return backup != null ? VersionReader.readPartitions(partitionDir(), backup, null)
                : VersionReader.readCsv(legacyBackup, null);
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

    /**
     * Atomically replaces the master dataset with {@code table}, writing only the months whose rows changed; the
     * replaced version becomes the backup. Rows are stored month by month (a month's rows in table order), so
     * {@link #load()} returns them in that order.
     */
    public MasterWrite write(SalesTable table) throws IOException {
        return write(table, step -> { });
    }

    /** {@link #write(SalesTable)} calling {@code atStep} at each {@link WriteStep}: tests crash writes there. */
    synchronized MasterWrite write(SalesTable table, Consumer<WriteStep> atStep) throws IOException {
        Path dir = partitionDir();
        Files.createDirectories(dir);
        PartitionIndex current = PartitionIndex.read(indexFile());
        MonthSplit known = knownSplit(current);
        // Whatever happens below, the remembered version may no longer be the current one.
        knownIndex = null;
        knownTable = null;
        MonthSplit split = MonthSplit.of(table);
        List<Partition> partitions = new ArrayList<>(split.months().size());
        int written = 0;
        long bytes = 0;
        for (Month month : split.months()) {
            String name = month.month().toString();
            List<String> extras = SalesTableParts.nonEmptyExtras(table, split.rows(), month.from(), month.to());
            Partition unchanged = current == null ? null : current.partition(name);
            if (unchanged != null && known != null && sameMonth(known, split, month, extras)) {
                partitions.add(unchanged);
                continue;
            }
            ByteArrayOutputStream csv = new ByteArrayOutputStream(64 * month.size() + 256);
            SalesTableCsv.write(table, split.rows(), month.from(), month.to(), extras, csv);
            byte[] content = csv.toByteArray();
            Partition partition = new Partition(name, name + "." + contentHash(content) + ".csv", month.size(),
                    content.length);
            Path target = dir.resolve(partition.file());
            // Final names only ever appear by rename after fsync, so an existing file is complete: the same
            // month content in the backup version or left by a crashed write.
            if (!Files.exists(target) || Files.size(target) != content.length) {
                DurableFiles.moveAtomically(DurableFiles.writeTemp(target, content), target);
                written++;
                bytes += content.length;
                atStep.accept(WriteStep.PARTITION_WRITTEN);
            }
            partitions.add(partition);
        }
        DurableFiles.syncDirectory(dir);
        PartitionIndex next = new PartitionIndex(PartitionIndex.FORMAT, table.extraColumns(), partitions);
        commit(next, atStep);
        atStep.accept(WriteStep.BACKUP_KEPT);
        deleteUnnamedFiles(next, current);
        remember(table, next);
        return new MasterWrite(written, partitions.size() - written, bytes);
    }

    /** Renames the new index into place; the old index (or, on conversion, master.csv) becomes the backup. */
    private void commit(PartitionIndex next, Consumer<WriteStep> atStep) throws IOException {
        Path temp = DurableFiles.writeTemp(indexFile(), next.toJson());
        try {
            atStep.accept(WriteStep.INDEX_WRITTEN);
            // The old backup is replaced only once the new version is in place, so a crash at any point leaves
            // a complete index (old or new) and a complete backup (the previous version, or the one before).
            Path previous = DurableFiles.secondName(indexFile());
            DurableFiles.moveAtomically(temp, indexFile());
            temp = null;
            atStep.accept(WriteStep.COMMITTED);
            if (previous != null) {
                DurableFiles.moveAtomically(previous, backupIndexFile());
            } else if (Files.exists(legacyFile())) {
                DurableFiles.moveAtomically(legacyFile(), dataDir.resolve(FILE_NAME + BACKUP_SUFFIX));
            }
            DurableFiles.syncDirectory(partitionDir());
            DurableFiles.syncDirectory(dataDir);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The remembered version split by month, if {@code current} still names it. */
    private MonthSplit knownSplit(PartitionIndex current) {
        return knownTable == null || current == null || !current.equals(knownIndex) ? null
                : MonthSplit.of(knownTable);
    }

    private void remember(SalesTable table, PartitionIndex index) {
        knownTable = table;
        knownIndex = index;
    }

    /** Every partition of {@code index} exists with the size the index names (else a full load reports what is wrong). */
    private boolean partitionsInPlace(PartitionIndex index) {
        for (Partition partition : index.partitions()) {
            try {
                if (Files.size(partitionDir().resolve(partition.file())) != partition.bytes()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Same rows in the same order and the same non-empty extra columns: the partition file would be identical. */
    private static boolean sameMonth(MonthSplit known, MonthSplit split, Month month, List<String> extras) {
        for (Month old : known.months()) {
            if (old.month().equals(month.month())) {
                return old.size() == month.size()
                        && extras.equals(SalesTableParts.nonEmptyExtras(known.table(), known.rows(), old.from(),
                        old.to()))
                        && SalesTableParts.sameRows(known.table(), known.rows(), old.from(), split.table(),
                        split.rows(), month.from(), month.size(), extras);
            }
        }
        return false;
    }

    /**
     * Deletes what neither the new version nor its backup names: replaced partitions and crash leftovers. Best
     * effort: the write is committed already, and whatever stays is deleted by the next write.
     */
    private void deleteUnnamedFiles(PartitionIndex current, PartitionIndex backup) {
        Set<String> named = new HashSet<>(current.files());
        if (backup != null) {
            named.addAll(backup.files());
        }
        try {
            List<Path> garbage = new ArrayList<>();
            try (Stream<Path> files = Files.list(partitionDir())) {
                files.forEach(file -> {
                    String name = file.getFileName().toString();
                    if (name.endsWith(DurableFiles.TEMP_SUFFIX)
                            || PartitionIndex.isPartitionFile(name) && !named.contains(name)) {
                        garbage.add(file);
                    }
                });
            }
            try (Stream<Path> files = Files.list(dataDir)) {
                files.forEach(file -> {
                    String name = file.getFileName().toString();
                    // The single-file version stays as the backup until a partitioned version replaces it.
                    boolean legacy = name.equals(FILE_NAME) || name.equals(FILE_NAME + BACKUP_SUFFIX);
                    if (name.startsWith("." + FILE_NAME) && name.endsWith(DurableFiles.TEMP_SUFFIX)
                            || legacy && backup != null) {
                        garbage.add(file);
                    }
                });
            }
            for (Path file : garbage) {
                log.debug("deleting {}: named by neither the master dataset nor its backup", file);
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("could not delete old files of the master dataset in {} (the next write retries): {}",
                    dataDir, e.toString());
        }
    }

    private static String contentHash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
