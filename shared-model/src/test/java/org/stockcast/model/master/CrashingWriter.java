package org.stockcast.model.master;

import java.nio.file.Path;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.TestData;

/**
 * Child-process half of {@link MasterDatasetCrashTest}: loads the master dataset in args[0], starts writing
 * {@link #next} of it and kills its own JVM (no finally blocks, no shutdown hooks) at the {@link WriteStep} args[1].
 */
final class CrashingWriter {
    static final int EXIT_CODE = 97;

    private CrashingWriter() {
    }

    /** The version the crashed write was writing: two changed months (2024-01, 2030-01) and a new column. */
    static SalesTable next(SalesTable current) {
        return MasterDataset.merge(current, TestData.parse("""
                date,product_id,sales,note
                2024-01-01,P017,1,corrected
                2030-01-01,CRASH,1,
                """)).merged();
    }

    public static void main(String[] args) throws Exception {
        MasterDataset master = new MasterDataset(Path.of(args[0]));
        WriteStep crashAt = WriteStep.valueOf(args[1]);
        master.write(next(master.load()), step -> {
            if (step == crashAt) {
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        });
        throw new IllegalStateException("the write should have crashed at " + crashAt);
    }
}
