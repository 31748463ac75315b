package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.SpecialDay;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.store.VersionCheck;

class ModelVersionFilesTest {
    static EnsembleModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        var table = TestVersions.table(TestVersions.syntheticCsv(2, 90, LocalDate.of(2025, 6, 30), 3));
        AdditiveConfig fast = TestVersions.fastAdditive();
        AdditiveConfig withHoliday = new AdditiveConfig(fast.changepoints(), fast.changepointRange(),
                fast.changepointPriorScale(), fast.seasonalityPriorScale(), fast.holidaysPriorScale(),
                fast.yearlyOrder(), fast.weeklyOrder(), fast.mode(), fast.intervalWidth(), fast.uncertaintySamples(),
                List.of(new SpecialDay("promo", List.of(LocalDate.of(2025, 5, 1)), 1, 2)), fast.seed());
        EnsembleModel built = TestVersions.build(table, withHoliday, TestVersions.tinyLstm());
        model = new EnsembleModel(built.dataset(), built.additiveModels(), built.lstm(),
                new EnsembleWeights(0.7, 0.3), built.additiveConfig(), java.util.Optional.empty());
    }

    @Test
    void roundTripGivesTheSameForecasts() throws IOException {
        ModelVersionFiles.write(model, EnsembleWeights.Mode.AUTO, dir);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("dataset.csv", "additive.json", "lstm.zip", "ensemble.json");
        }
        EnsembleModel read = ModelVersionFiles.read(dir);
        assertThat(read.weights()).isEqualTo(new EnsembleWeights(0.7, 0.3));
        assertThat(read.additiveConfig()).isEqualTo(model.additiveConfig());
        assertThat(read.additiveModels().keySet()).isEqualTo(model.additiveModels().keySet());
        assertThat(read.dataset().size()).isEqualTo(model.dataset().size());
        for (SalesFilter filter : List.of(SalesFilter.ALL, SalesFilter.product("P2"),
                new SalesFilter(null, "A", null, null, null, 0.1))) {
            EnsembleForecast before = model.forecast(filter, 30).orElseThrow();
            EnsembleForecast after = read.forecast(filter, 30).orElseThrow();
            assertThat(after.forecast()).as(filter.describe()).containsExactly(before.forecast(), within(1e-6));
            assertThat(after.lower()).containsExactly(before.lower(), within(1e-6));
        }
        EnsembleSettings settings = ModelVersionFiles.readSettings(dir);
        assertThat(settings.weightingMode()).isEqualTo(EnsembleWeights.Mode.AUTO);
        assertThat(settings.formatVersion()).isEqualTo(1);
        String json = Files.readString(dir.resolve("ensemble.json"));
        assertThat(json).contains("\"format_version\"", "\"weighting_mode\" : \"AUTO\"", "\"additive_config\"",
                "\"special_days\"", "\"2025-05-01\"");
    }

    @Test
    void publishedVersionVerifiesAndLoads() throws IOException {
        ModelStore store = new ModelStore(dir.resolve("models"), 5);
        int version = TestVersions.publish(store, model);
        VersionCheck check = store.verify(version);
        assertThat(check.ok()).as(check.detail()).isTrue();
        assertThat(check.manifest().orElseThrow().files())
                .containsOnlyKeys("dataset.csv", "additive.json", "lstm.zip", "ensemble.json");
        assertThat(check.manifest().orElseThrow().trainedOnRows()).isEqualTo(model.dataset().size());
        assertThat(ModelVersionFiles.read(store.versionDir(version)).forecast(SalesFilter.ALL, 3)).isPresent();
    }

    @Test
    void newerFormatIsRefused() throws IOException {
        ModelVersionFiles.write(model, dir);
        Path ensemble = dir.resolve("ensemble.json");
        Files.writeString(ensemble, Files.readString(ensemble).replace("\"format_version\" : 1",
                "\"format_version\" : 2"));
        assertThatThrownBy(() -> ModelVersionFiles.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("format version 2");
    }
}
