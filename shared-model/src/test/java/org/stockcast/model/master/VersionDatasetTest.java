package org.stockcast.model.master;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;

/** A version's snapshot as links to the master's partitions: same rows, immutable, only new months added. */
class VersionDatasetTest {
    private static final LocalDate START = LocalDate.of(2024, 11, 1);

    @TempDir
    Path dir;

    private static SalesTable days(int from, int to, double sales) {
        SalesTableBuilder builder = SalesTable.builder();
        for (int d = from; d < to; d++) {
            for (int p = 0; p < 4; p++) {
                builder.add(START.plusDays(d), "P" + p, sales + p, "C" + p % 2, "R", Double.NaN, Double.NaN,
                        Double.NaN);
                builder.extra("promo", d % 7 == 0 ? "yes" : null);
            }
        }
        return builder.build();
    }

    @Test
    void aLinkedVersionReadsTheRowsItWasTrainedOnAfterTheMasterMovesOn() throws IOException {
        MasterDataset master = new MasterDataset(dir.resolve("data"));
        SalesTable first = days(0, 70, 1);
        master.write(first);
        Path v1 = Files.createDirectories(dir.resolve("models/1"));
        assertThat(VersionDataset.link(master, first, v1)).isTrue();
        assertThat(VersionDataset.isPartitioned(v1)).isTrue();
        String expected = MasterFiles.rows(new MasterDataset(dir.resolve("data")).load()).toString();

        // Two later versions of the master: the first one's changed month is deleted from the master directory.
        SalesTable second = MasterDataset.merge(master.load(), days(69, 71, 9)).merged();
        master.write(second);
        master.write(MasterDataset.merge(master.load(), days(71, 72, 5)).merged());
        Path v2 = Files.createDirectories(dir.resolve("models/2"));
        assertThat(VersionDataset.link(master, master.load(), v2)).isTrue();

        VersionDataset reader = new VersionDataset();
        SalesTable read1 = reader.read(v1);
        assertThat(MasterFiles.rows(read1).toString()).isEqualTo(expected);
        assertThat(read1.extraColumns()).containsExactly("promo");
        SalesTable read2 = reader.read(v2); // reuses v1's unchanged months
        assertThat(MasterFiles.rows(read2)).isEqualTo(MasterFiles.rows(new MasterDataset(dir.resolve("data"))
                .load()));
        assertThat(read2.size()).isEqualTo(first.size() + 2 * 4);
        assertThat(MasterFiles.rows(new VersionDataset().read(v1)).toString()).isEqualTo(expected);
    }

    @Test
    void aTableTheMasterDoesNotHoldIsNotLinked() throws IOException {
        MasterDataset master = new MasterDataset(dir.resolve("data"));
        SalesTable written = days(0, 40, 1);
        master.write(written);
        Path version = Files.createDirectories(dir.resolve("v"));

        assertThat(VersionDataset.link(master, days(0, 40, 1), version)).isFalse();
        new MasterDataset(dir.resolve("data")).write(days(0, 41, 1)); // another writer moved the master on
        assertThat(VersionDataset.link(master, written, version)).isFalse();

        assertThat(version.resolve(VersionDataset.DIR)).doesNotExist();
        assertThat(VersionDataset.isPartitioned(version)).isFalse();
    }
}
