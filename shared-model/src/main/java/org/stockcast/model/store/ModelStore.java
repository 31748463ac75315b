package org.stockcast.model.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model store directory: numbered version directories, each with manifest.json written last.
 * Writers build a version in a temp directory beside it and rename it into place; the newest {@code keep} stay.
 * Readers only ever see complete versions (or a numbered directory some other tool left behind, which
 * {@link #verify} rejects).
 */
public final class ModelStore {

    /** Fills a fresh directory with a version's files (everything but the manifest). */
    @FunctionalInterface
    public interface VersionWriter {
        void write(Path dir) throws IOException;
    }

    public static final String MANIFEST = "manifest.json";
    /** Default number of versions kept (docs/api.md). */
    public static final int DEFAULT_KEEP = 5;

    /** A temp directory this old belongs to a writer that died; younger ones may still be in use. */
    static final Duration STALE_TEMP_AGE = Duration.ofMinutes(30);
    static final String TEMP_PREFIX = ".tmp-";
    static final String DELETE_PREFIX = ".del-";
    private static final int PUBLISH_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);

    private final Path dir;
    private final int keep;
    /** Dataset partitions shared by successive versions are hashed once per process (publish and verify). */
    private final ChecksumCache checksums = new ChecksumCache();

    public ModelStore(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, was " + keep);
        }
        this.dir = dir;
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    public Path versionDir(int version) {
        return dir.resolve(Integer.toString(version));
    }

    /** Numbered version directories, newest first (verified or not). Empty when the store does not exist. */
    public List<Integer> versions() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Integer> versions = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(entry -> parseVersion(entry.getFileName().toString())
                    .filter(v -> Files.isDirectory(entry))
                    .ifPresent(versions::add));
        }
        versions.sort(Comparator.reverseOrder());
        return versions;
    }

    /** Positive decimal integers without sign or leading zeros, so "007" and "+7" are never versions. */
    static Optional<Integer> parseVersion(String name) {
        if (name.isEmpty() || name.length() > 9 || name.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Integer.parseInt(name));
    }

    /** The manifest as written, or empty when it is missing or unreadable (no file checks: see {@link #verify}). */
    public Optional<Manifest> readManifest(int version) {
        Path file = versionDir(version).resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestJson.read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * SHA-256 of the manifest bytes, or "absent": changes whenever a version's manifest is (re)written, so a
     * reader can remember a bad version and retry it only once its manifest changes.
     */
    public String manifestFingerprint(int version) {
        try {
            return Checksums.sha256(Files.readAllBytes(versionDir(version).resolve(MANIFEST)));
        } catch (IOException e) {
            return "absent";
        }
    }

    /**
     * Checks a version directory against its manifest (see {@link VersionVerifier#verify}).
     */
    public VersionCheck verify(int version) {
        return VersionVerifier.verify(versionDir(version), version, checksums);
    }

    /**
     * Writes, checksums and renames a new version into place, then prunes old ones; returns its number.
     * Nothing is visible under a numbered name until the version is complete and synced; a failing writer leaves
     * nothing behind.
     */
    public int publish(VersionWriter writer, long trainedOnRows, LocalDate lastTrainingDate,
                       Map<String, Object> metrics) throws IOException {
        Files.createDirectories(dir);
        removeStaleTemps();
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        Files.createDirectory(temp);
        try {
            writer.write(temp);
            Map<String, FileEntry> files = new LinkedHashMap<>();
            for (String name : VersionVerifier.relativeFiles(temp)) {
                if (name.equals(MANIFEST)) {
                    throw new IOException("A version writer must not write " + MANIFEST);
                }
                Path file = temp.resolve(name);
                fsync(file);
                files.put(name, new FileEntry(Files.size(file), checksums.sha256(file, name)));
            }
            if (files.isEmpty()) {
                throw new IOException("A version writer wrote no files");
            }
            Instant createdAt = Instant.now();
            for (int attempt = 1; ; attempt++) {
                int version = versions().stream().findFirst().orElse(0) + 1;
                Manifest manifest = new Manifest(version, createdAt, trainedOnRows, lastTrainingDate, files,
                        metrics == null ? Map.of() : metrics);
                writeManifest(temp, manifest);
                try {
                    Files.move(temp, versionDir(version), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // Another writer took this number between listing and renaming: take the next one.
                    if (attempt >= PUBLISH_ATTEMPTS || !Files.exists(versionDir(version))) {
                        throw e;
                    }
                    continue;
                }
                fsyncDirectory(dir);
                log.info("Published model version {} ({} files)", version, files.size());
                prune();
                return version;
            }
        } catch (IOException | RuntimeException e) {
            deleteRecursively(temp);
            throw e;
        }
    }

    private static void writeManifest(Path temp, Manifest manifest) throws IOException {
        Path file = temp.resolve(MANIFEST);
        Files.write(file, ManifestJson.toBytes(manifest));
        fsync(file);
        fsyncDirectory(temp);
    }

    /** Keeps the newest {@code keep} versions. Each removal is a rename first, so readers never see half a version. */
    public void prune() throws IOException {
        List<Integer> versions = versions();
        for (int version : versions.subList(Math.min(keep, versions.size()), versions.size())) {
            Path doomed = dir.resolve(DELETE_PREFIX + UUID.randomUUID());
            try {
                Files.move(versionDir(version), doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                continue;
            }
            deleteRecursively(doomed);
            log.info("Pruned model version {}", version);
        }
    }

    /** Removes leftovers of writers that died: temp directories older than {@link #STALE_TEMP_AGE}, pending deletes. */
    void removeStaleTemps() throws IOException {
        Instant cutoff = Instant.now().minus(STALE_TEMP_AGE);
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                try {
                    if (name.startsWith(DELETE_PREFIX) || name.startsWith(TEMP_PREFIX)
                            && Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff)) {
                        stale.add(entry);
                    }
                } catch (IOException e) {
                    // Vanished meanwhile: nothing to clean.
                }
            });
        }
        for (Path entry : stale) {
            log.info("Removing stale temp directory {}", entry);
            deleteRecursively(entry);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", root, e.toString());
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Makes a rename durable; some platforms cannot open directories, and there the rename is all we get. */
    private static void fsyncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Directory fsync not supported for {}: {}", directory, e.toString());
        }
    }
}
