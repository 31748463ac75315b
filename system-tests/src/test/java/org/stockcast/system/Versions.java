package org.stockcast.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes copies of a verified version under new numbers the way writers must (temp directory beside the
 * store, non-numeric name, then rename), and builds broken variants for the fault tests.
 */
final class Versions {
    static final String MANIFEST = "manifest.json";

    private Versions() {
    }

    /** Copies {@code source} into {@code modelDir} as a temp directory with the manifest's version renumbered. */
    static Path stage(Path source, Path modelDir, int version) throws IOException {
        Path tmp = modelDir.resolve(".systemtest-" + version + "-" + System.nanoTime() + ".tmp");
        Files.createDirectory(tmp);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                copyRecursively(f, tmp.resolve(f.getFileName().toString()));
            }
        }
        Path manifest = tmp.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            ObjectNode json = (ObjectNode) Http.JSON.readTree(Files.readAllBytes(manifest));
            json.put("version", version);
            Files.write(manifest, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        }
        return tmp;
    }

    static Path publish(Path staged, Path modelDir, int version) throws IOException {
        return Files.move(staged, modelDir.resolve(Integer.toString(version)), StandardCopyOption.ATOMIC_MOVE);
    }

    /** A valid copy of {@code source} as version {@code version}. */
    static Path publishCopy(Path source, Path modelDir, int version) throws IOException {
        return publish(stage(source, modelDir, version), modelDir, version);
    }

    static void copyRecursively(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (Stream<Path> children = Files.list(from)) {
                for (Path c : (Iterable<Path>) children::iterator) {
                    copyRecursively(c, to.resolve(c.getFileName().toString()));
                }
            }
        } else {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Files of a version directory other than the manifest, largest first (the LSTM zip is the largest). */
    static List<Path> modelFiles(Path versionDir) throws IOException {
        try (Stream<Path> files = Files.walk(versionDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals(MANIFEST))
                    .sorted((a, b) -> Long.compare(size(b), size(a)))
                    .toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
