package org.stockcast.model.master;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableParts;
import org.stockcast.model.master.PartitionIndex.Partition;

/**
 * A model version's dataset snapshot as the master dataset's month partitions: {@code dataset/index.json} (the
 * partition index of the master version the model was trained on) and the partition files it names, hard-linked
 * from the master (copied where links are not supported). Partition files are content-named and never rewritten,
 * so a link is as immutable as a copy, and a version keeps its rows when the master later deletes the file. A
 * daily upload then adds one new month file per version instead of a full {@code dataset.csv} (450 MB for 10,000
 * products x 3 years), and a reader that still holds the previous version's months parses only the changed one.
 *
 * <p>Not thread-safe: one reader per loading thread (the forecast service's watch thread).
 */
public final class VersionDataset {
    /** The directory inside a version that holds its partitions. */
    public static final String DIR = "dataset";

    /** Parsed months of the last version read, by partition file name (content-named: same name, same rows). */
    private Map<String, SalesTable> months = Map.of();

    /** True when {@code versionDir} stores its dataset as partitions ({@link #DIR}) rather than a single file. */
    public static boolean isPartitioned(Path versionDir) {
        return Files.isRegularFile(versionDir.resolve(DIR).resolve(MasterDataset.INDEX_NAME));
    }

    /**
     * Links the master's current partitions into {@code versionDir/dataset} when they hold exactly {@code table}
     * (the version the master last loaded or wrote is that instance, and index.json still names it). Returns false,
     * writing nothing, otherwise: the caller then stores the snapshot as a single file.
     */
    public static boolean link(MasterDataset master, SalesTable table, Path versionDir) throws IOException {
        PartitionIndex index = master.indexOf(table);
        if (index == null) {
            return false;
        }
        Path target = Files.createDirectories(versionDir.resolve(DIR));
        for (Partition partition : index.partitions()) {
            Path source = master.partitionDir().resolve(partition.file());
            Path link = target.resolve(partition.file());
            try {
                Files.createLink(link, source);
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(source, link);
            }
        }
        Files.write(target.resolve(MasterDataset.INDEX_NAME), index.toJson());
        DurableFiles.syncDirectory(target); // the store fsyncs the files, not the entries of subdirectories
        return true;
    }

    /**
     * The dataset of a partitioned version ({@link #isPartitioned}). Months already parsed for the previous call
     * are reused; sizes and row counts are checked as for the master (the caller verified the checksums).
     */
    public SalesTable read(Path versionDir) throws IOException {
        Path dir = versionDir.resolve(DIR);
        PartitionIndex index = PartitionIndex.read(dir.resolve(MasterDataset.INDEX_NAME));
        if (index == null) {
            throw new IOException("no " + DIR + "/" + MasterDataset.INDEX_NAME + " in " + versionDir);
        }
        // Months this version does not reuse are let go before its own are parsed: when every month changed (a
        // history upload) the old months and the new ones would otherwise be on the heap at once beside the served
        // table (+526 MB at 10,000 products x 3 years, the forecast service's peak).
        Map<String, SalesTable> previous = new HashMap<>();
        for (PartitionIndex.Partition partition : index.partitions()) {
            SalesTable kept = months.get(partition.file());
            if (kept != null) {
                previous.put(partition.file(), kept);
            }
        }
        months = previous;
        Map<String, SalesTable> parsed = new HashMap<>();
        List<SalesTable> parts;
        try {
            parts = index.partitions().parallelStream().map(partition -> {
                SalesTable part = previous.get(partition.file());
                try {
                    return part != null ? part : VersionReader.readPartition(dir, partition, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < parts.size(); i++) {
            parsed.put(index.partitions().get(i).file(), parts.get(i));
        }
        months = parsed;
        return SalesTableParts.concat(parts, index.extraColumns());
    }
}
