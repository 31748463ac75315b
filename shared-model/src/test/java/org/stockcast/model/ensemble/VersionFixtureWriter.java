package org.stockcast.model.ensemble;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.store.ModelStore;

/**
 * Writes the saved model-version fixture (src/test/resources/ensemble/store-v1) that {@link SavedVersionFixtureTest}
 * loads, so versions published by this build keep loading in later ones. Run once per format change:
 * {@code mvn -q -pl shared-model test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java
 * -Dexec.mainClass=org.stockcast.model.ensemble.VersionFixtureWriter -Dexec.classpathScope=test}
 */
public final class VersionFixtureWriter {
    /** From the repository root (as exec:java in a reactor runs) or from shared-model/. */
    static final Path DIR = (Files.isDirectory(Path.of("shared-model")) ? Path.of("shared-model") : Path.of(""))
            .resolve("src/test/resources/ensemble/store-v1");

    private VersionFixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        EnsembleModel model = TestVersions.build(
                TestVersions.table(TestVersions.syntheticCsv(2, 60, LocalDate.of(2025, 3, 31), 99)));
        Files.createDirectories(DIR);
        int version = TestVersions.publish(new ModelStore(DIR, 5), model);
        StringBuilder expected = new StringBuilder();
        for (SalesFilter filter : SavedVersionFixtureTest.FILTERS) {
            double[] forecast = model.forecast(filter, SavedVersionFixtureTest.DAYS).orElseThrow().forecast();
            expected.append(Arrays.stream(forecast).mapToObj(v -> String.format(Locale.ROOT, "%.6f", v))
                    .collect(Collectors.joining(","))).append('\n');
        }
        Files.writeString(DIR.resolve("expected-forecasts.txt"), expected);
        System.out.println("wrote version " + version + " to " + DIR.toAbsolutePath());
    }
}
