package org.stockcast.model.master;

import java.nio.file.Path;
import java.time.LocalDate;
import org.stockcast.model.dataset.SalesTable;

/**
 * Child-process half of {@link MasterDatasetCrashTest}: starts writing a new master dataset into args[0] and kills
 * its own JVM (no finally blocks, no shutdown hooks) after the temp file is written and before the rename.
 */
final class CrashingWriter {
    static final int EXIT_CODE = 97;

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        MasterDataset master = new MasterDataset(Path.of(args[0]));
        SalesTable next = SalesTable.builder().add(LocalDate.of(2030, 1, 1), "CRASH", 1).build();
        master.write(next, () -> Runtime.getRuntime().halt(EXIT_CODE));
        throw new IllegalStateException("the write should have crashed before the rename");
    }
}
