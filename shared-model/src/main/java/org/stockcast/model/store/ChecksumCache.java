package org.stockcast.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of the content-named files of a version's {@code dataset/} directory, which successive versions share
 * as hard links of the master dataset's month partitions: each is hashed once, not once per version and per
 * swap (the months of 10,000 products x 3 years are 450 MB). Keyed by the file's identity (device and inode),
 * name, size and modification time, so a different or rewritten file is hashed again; every other file is
 * always hashed. Thread-safe.
 */
final class ChecksumCache {
    static final String SHARED_DIR = "dataset/";
    private static final int MAX_ENTRIES = 4096;

    private record Key(Object fileKey, String name, long size, long modified) {
    }

    private final Map<Key, String> sums = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** {@code name}: the file's path relative to its version directory, as in the manifest. */
    String sha256(Path file, String name) throws IOException {
        if (!name.startsWith(SHARED_DIR)) {
            return Checksums.sha256(file);
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.fileKey() == null) {
            return Checksums.sha256(file);
        }
        Key key = new Key(attributes.fileKey(), file.getFileName().toString(), attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        synchronized (sums) {
            String known = sums.get(key);
            if (known != null) {
                return known;
            }
        }
        String sha = Checksums.sha256(file);
        synchronized (sums) {
            sums.put(key, sha);
        }
        return sha;
    }
}
