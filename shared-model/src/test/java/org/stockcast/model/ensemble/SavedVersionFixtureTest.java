package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.store.VersionCheck;

/** A version published by an earlier build (format 1) still verifies, loads and forecasts the same. */
class SavedVersionFixtureTest {
    static final int DAYS = 14;
    static final List<SalesFilter> FILTERS = List.of(SalesFilter.product("P1"), SalesFilter.ALL,
            new SalesFilter(null, "A", "North", null, null, null));

    @TempDir
    Path root;

    @Test
    void savedVersionOneStillLoadsAndForecastsTheSame() throws IOException {
        Path fixture = Path.of("src/test/resources/ensemble/store-v1");
        Path store = Files.createDirectories(root.resolve("models"));
        copyTree(fixture.resolve("1"), store.resolve("1"));
        ModelStore modelStore = new ModelStore(store, 5);

        VersionCheck check = modelStore.verify(1);
        assertThat(check.ok()).as(check.detail()).isTrue();
        EnsembleModel model = ModelVersionFiles.read(modelStore.versionDir(1));
        List<String> expected = Files.readAllLines(fixture.resolve("expected-forecasts.txt"));
        for (int i = 0; i < FILTERS.size(); i++) {
            double[] want = Arrays.stream(expected.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
            double[] got = model.forecast(FILTERS.get(i), DAYS).orElseThrow().forecast();
            assertThat(got).as(FILTERS.get(i).describe()).containsExactly(want, within(1e-3));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
