package org.stockcast.model.master;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index of the partitioned master dataset ({@code master/index.json}): the extra columns in table order and
 * the month partitions that make up one version. Renaming a new index over the old one is a write's commit point.
 *
 * <p>A partition file is named by its month and the start of its content's SHA-256 ({@code 2024-01.<16 hex>.csv}),
 * so a file is never rewritten in place: changed content gets a new name, and the previous version's files stay
 * intact for its backup index.
 */
record PartitionIndex(int format, List<String> extraColumns, List<Partition> partitions) {
    static final int FORMAT = 1;
    private static final Pattern PARTITION_NAME = Pattern.compile("\\d{4,}-\\d{2}\\.[0-9a-f]{16}\\.csv");
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** One month of rows in the upload CSV format; {@code bytes} checks the file is the one the index names. */
    record Partition(String month, String file, int rows, long bytes) {
    }

    PartitionIndex {
        extraColumns = List.copyOf(extraColumns);
        partitions = List.copyOf(partitions);
    }

    int rows() {
        return partitions.stream().mapToInt(Partition::rows).sum();
    }

    Set<String> files() {
        Set<String> files = new HashSet<>();
        for (Partition partition : partitions) {
            files.add(partition.file());
        }
        return files;
    }

    Partition partition(String month) {
        for (Partition partition : partitions) {
            if (partition.month().equals(month)) {
                return partition;
            }
        }
        return null;
    }

    static boolean isPartitionFile(String name) {
        return PARTITION_NAME.matcher(name).matches();
    }

    byte[] toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    /** The index in {@code file}; null when there is none. */
    static PartitionIndex read(Path file) throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        PartitionIndex index;
        try {
            index = JSON.readValue(json, PartitionIndex.class);
        } catch (JacksonException e) {
            throw new IOException("the master dataset index " + file + " cannot be read: " + e.getOriginalMessage(), e);
        }
        if (index.format() != FORMAT) {
            throw new IOException("the master dataset index " + file + " has format " + index.format()
                    + "; this version reads format " + FORMAT);
        }
        for (Partition partition : index.partitions()) {
            if (!isPartitionFile(partition.file())) {
                throw new IOException("the master dataset index " + file + " names an invalid partition file '"
                        + partition.file() + "'");
            }
        }
        return index;
    }
}
