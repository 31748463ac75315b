package org.stockcast.model.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The model store directory: numbered version directories, each with manifest.json written last.
 * Writers build a version in a temp directory beside it and rename it into place; the newest {@code keep} stay.
 */
public final class ModelStore {

    /** Fills a fresh directory with a version's files (everything but the manifest). */
    @FunctionalInterface
    public interface VersionWriter {
        void write(Path dir) throws IOException;
    }

    private final Path dir;
    private final int keep;

    public ModelStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    public Path versionDir(int version) {
        return dir.resolve(Integer.toString(version));
    }

    /** Numbered version directories, newest first (verified or not). */
    public List<Integer> versions() throws IOException { throw new UnsupportedOperationException("issue #5/#6"); }

    public VersionCheck verify(int version) { throw new UnsupportedOperationException("issue #5/#6"); }

    /** Writes, checksums and renames a new version into place, then prunes old ones; returns its number. */
    public int publish(VersionWriter writer, long trainedOnRows, LocalDate lastTrainingDate,
                       Map<String, Object> metrics) throws IOException {
        throw new UnsupportedOperationException("issue #5/#6");
    }
}
