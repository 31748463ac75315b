package org.stockcast.model.additive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the saved-model fixture once per format version (src/test/resources/additive/models-format1.json) and
 * the predictions it must keep giving. Never overwrite an existing fixture: add models-format2.json instead, so
 * {@link AdditiveModelFixtureTest} keeps proving old files load.
 * Run: mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.stockcast.model.additive.FixtureWriter -Dexec.args=shared-model/src/test/resources/additive (from the repository root)
 */
public final class FixtureWriter {
    static final int FIXTURE_DAYS = 14;

    private FixtureWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path models = dir.resolve("models-format" + AdditiveModelJson.FORMAT + ".json");
        if (Files.exists(models)) {
            throw new IllegalStateException(models + " exists; fixtures are never regenerated");
        }
        SpecialDay promo = new SpecialDay("promo", List.of(LocalDate.of(2016, 6, 1), LocalDate.of(2017, 6, 1),
                LocalDate.of(2018, 6, 1)), 1, 1);
        Map<String, FittedAdditiveModel> fitted = new LinkedHashMap<>();
        fitted.put("Product P021", AdditiveModel.fit(SyntheticSeries.generate(900, 3, 17).series(),
                AdditiveConfig.defaults().withSpecialDays(List.of(promo))));
        fitted.put("Category Electronics", AdditiveModel.fit(SyntheticSeries.generate(120, 2, 18).series(),
                AdditiveConfig.defaults().withMode(SeasonalityMode.MULTIPLICATIVE).withInterval(0.95, 500)));
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(models)) {
            AdditiveModelJson.write(fitted, out);
        }
        Map<String, Map<String, double[]>> expected = new LinkedHashMap<>();
        fitted.forEach((name, model) -> {
            AdditiveForecast f = model.predict(FIXTURE_DAYS);
            expected.put(name, Map.of("yhat", f.yhat(), "lower", f.lower(), "upper", f.upper(),
                    "trend", f.trend(), "weekly", f.weekly(), "yearly", f.yearly(), "specialDays", f.specialDays()));
        });
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve("models-format" + AdditiveModelJson.FORMAT + "-expected.json").toFile(),
                        expected);
    }
}
