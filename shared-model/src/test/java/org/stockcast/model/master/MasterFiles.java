package org.stockcast.model.master;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableCsv;

/** Test helpers over a master dataset's files. */
final class MasterFiles {
    private MasterFiles() {
    }

    /** File names in {@code dir}, sorted; empty when it does not exist. */
    static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The current version's partition file of {@code month} ("2024-01"). */
    static Path partition(MasterDataset master, String month) throws IOException {
        PartitionIndex.Partition partition = PartitionIndex.read(master.indexFile()).partition(month);
        return master.partitionDir().resolve(partition.file());
    }

    /** The index files and every partition named by the index or the backup index. */
    static Set<String> namedByBothIndexes(MasterDataset master) throws IOException {
        Set<String> names = new HashSet<>(PartitionIndex.read(master.indexFile()).files());
        names.add(MasterDataset.INDEX_NAME);
        PartitionIndex backup = PartitionIndex.read(master.backupIndexFile());
        if (backup != null) {
            names.addAll(backup.files());
            names.add(master.backupIndexFile().getFileName().toString());
        }
        return names;
    }

    /** Every file under the data dir (relative path -> bytes): a byte-for-byte snapshot. */
    static Map<String, byte[]> snapshot(Path dataDir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(dataDir.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    /** Whether two snapshots hold the same files with the same bytes. */
    static boolean same(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.keySet().stream().allMatch(k -> Arrays.equals(a.get(k), b.get(k)));
    }

    /** The table's rows as sorted CSV lines (header first): equal for tables holding the same rows in any order. */
    static List<String> rows(SalesTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SalesTableCsv.write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        String[] body = Arrays.copyOfRange(lines, 1, lines.length);
        Arrays.sort(body);
        return Stream.concat(Stream.of(lines[0]), Arrays.stream(body)).toList();
    }
}
