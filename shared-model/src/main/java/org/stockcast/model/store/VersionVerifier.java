package org.stockcast.model.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Whether a version directory holds exactly what its manifest lists: what makes a version complete. */
final class VersionVerifier {
    private VersionVerifier() {
    }

    /**
     * Checks a version directory against its manifest: manifest present and parseable, every listed file present
     * with the listed size and SHA-256, and no file other than those and the manifest itself.
     * The manifest's {@code version} field is not compared with the directory name: the name is the version
     * (docs/api.md), and a complete version renamed or copied under another number (tests and operators do both) is
     * still a complete version.
     */
    static VersionCheck verify(Path versionDir, int version, ChecksumCache checksums) {
        Path manifestFile = versionDir.resolve(ModelStore.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            return failed(version, null, VersionCheck.Failure.MISSING_MANIFEST,
                    Files.isDirectory(versionDir) ? "no manifest.json in " + versionDir : "no directory " + versionDir);
        }
        Manifest manifest;
        try {
            manifest = ManifestJson.read(manifestFile);
        } catch (IOException e) {
            return failed(version, null, VersionCheck.Failure.UNREADABLE_MANIFEST, e.getMessage());
        }
        Optional<String> shapeProblem = shapeProblem(manifest);
        if (shapeProblem.isPresent()) {
            return failed(version, null, VersionCheck.Failure.UNREADABLE_MANIFEST, shapeProblem.get());
        }
        try {
            for (Map.Entry<String, FileEntry> listed : manifest.files().entrySet()) {
                Path file = versionDir.resolve(listed.getKey());
                if (!Files.isRegularFile(file)) {
                    return failed(version, manifest, VersionCheck.Failure.MISSING_FILE, "missing " + listed.getKey());
                }
                long size = Files.size(file);
                if (size != listed.getValue().size()) {
                    return failed(version, manifest, VersionCheck.Failure.SIZE_MISMATCH, listed.getKey() + " has "
                            + size + " bytes, manifest says " + listed.getValue().size());
                }
            }
            Set<String> present = relativeFiles(versionDir);
            present.remove(ModelStore.MANIFEST);
            present.removeAll(manifest.files().keySet());
            if (!present.isEmpty()) {
                return failed(version, manifest, VersionCheck.Failure.EXTRA_FILE, "not in manifest: " + present);
            }
            // Hashing last: it is the only expensive check.
            for (Map.Entry<String, FileEntry> listed : manifest.files().entrySet()) {
                String sha = checksums.sha256(versionDir.resolve(listed.getKey()), listed.getKey());
                if (!sha.equalsIgnoreCase(listed.getValue().sha256())) {
                    return failed(version, manifest, VersionCheck.Failure.CHECKSUM_MISMATCH,
                            listed.getKey() + " has sha256 " + sha);
                }
            }
        } catch (NoSuchFileException e) {
            // Removed while we looked (pruned or deleted by an operator).
            return failed(version, manifest, VersionCheck.Failure.MISSING_FILE, "vanished: " + e.getFile());
        } catch (IOException | UncheckedIOException e) {
            return failed(version, manifest, VersionCheck.Failure.MISSING_FILE, "unreadable: " + e.getMessage());
        }
        return new VersionCheck(version, Optional.of(manifest), null, "ok");
    }

    private static VersionCheck failed(int version, Manifest manifest, VersionCheck.Failure failure, String detail) {
        return new VersionCheck(version, Optional.ofNullable(manifest), failure, detail);
    }

    private static Optional<String> shapeProblem(Manifest manifest) {
        if (manifest.files() == null || manifest.files().isEmpty()) {
            return Optional.of("manifest lists no files");
        }
        for (Map.Entry<String, FileEntry> entry : manifest.files().entrySet()) {
            String name = entry.getKey();
            if (entry.getValue() == null || entry.getValue().sha256() == null) {
                return Optional.of("no size/sha256 for " + name);
            }
            Path path = Path.of(name);
            if (name.isBlank() || path.isAbsolute() || !path.normalize().equals(path) || name.startsWith("..")
                    || name.equals(ModelStore.MANIFEST)) {
                return Optional.of("file name not allowed in a manifest: " + name);
            }
        }
        return Optional.empty();
    }

    /** Every regular file (and any other non-directory entry) below {@code root}, as '/'-separated paths. */
    static Set<String> relativeFiles(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !Files.isDirectory(p))
                    .forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
        }
        return names;
    }
}
