package org.stockcast.model.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.master.MasterDataset;

/**
 * Locates the shared sample files (../shared/data/seed and ../shared/data/real, beside the repository checkout)
 * from any module's test working directory, and reads them. Reusable through shared-model's test-jar.
 * Override the location with -Dstockcast.shared.data=/path/to/shared/data.
 */
public final class TestData {
    private TestData() {
    }

    /** A file of shared/data/seed, e.g. {@code seed("large_dataset.csv")}. */
    public static Path seed(String name) {
        return existing(sharedData().resolve("seed").resolve(name));
    }

    /** A file of shared/data/real, e.g. {@code real("pharma-salesdaily.csv")}. */
    public static Path real(String name) {
        return existing(sharedData().resolve("real").resolve(name));
    }

    /** The pharma sales file (wide format: not an upload, the source of the bundled default dataset). */
    public static Path pharma() {
        return real("pharma-salesdaily.csv");
    }

    /** The bundled default master dataset, {@code <repo>/data/master.csv}. */
    public static Path bundledMaster() {
        return existing(repositoryRoot().resolve("data").resolve(MasterDataset.FILE_NAME));
    }

    /** Reads a CSV file with the default upload limits. */
    public static SalesTable ingest(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvIngest.read(in, file.getFileName().toString(), IngestLimits.DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of shared/data/seed (all of them are valid uploads), sorted by name. */
    public static List<Path> seedFiles() {
        try (Stream<Path> files = Files.list(sharedData().resolve("seed"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads CSV text (e.g. a text block) with the default upload limits. */
    public static SalesTable parse(String csv) {
        try {
            return CsvIngest.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "inline.csv",
                    IngestLimits.DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** shared/data: the first ancestor of the working directory that has shared/data/seed. */
    public static Path sharedData() {
        String override = System.getProperty("stockcast.shared.data");
        if (override != null) {
            return existing(Path.of(override));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("seed"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data/seed above " + Path.of("").toAbsolutePath()
                + "; set -Dstockcast.shared.data");
    }

    /** The repository root: the first ancestor of the working directory holding a pom.xml with shared-model. */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("shared-model"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("test data not found: " + path);
        }
        return path;
    }
}
