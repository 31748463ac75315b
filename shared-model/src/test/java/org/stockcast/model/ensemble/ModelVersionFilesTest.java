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
    void theSeriesRulesRoundTripAndAFileWithoutThemReadsAsTheDefaults() throws IOException {
        var rules = new org.stockcast.model.dataset.SeriesRules(org.stockcast.model.dataset.AbsentDays.MISSING, 14);
        EnsembleModel withRules = new EnsembleModel(model.dataset(), model.additiveModels(), model.lstm(),
                model.weights(), model.additiveConfig(), java.util.Optional.empty(), rules);
        ModelVersionFiles.write(withRules, dir);

        assertThat(Files.readString(dir.resolve(ModelVersionFiles.ENSEMBLE))).contains("\"absent_days\":\"MISSING\"");
        assertThat(ModelVersionFiles.read(dir).seriesRules()).isEqualTo(rules);
        String old = Files.readString(dir.resolve(ModelVersionFiles.ENSEMBLE))
                .replaceAll(",?\"series_rules\":\\{[^}]*\\}", "");
        Files.writeString(dir.resolve(ModelVersionFiles.ENSEMBLE), old);
        assertThat(ModelVersionFiles.read(dir).seriesRules())
                .isEqualTo(org.stockcast.model.dataset.SeriesRules.DEFAULT);
    }

    @Test
    void aCalibratedVersionRoundTripsWithItsWeightsBandsAndErrorPaths() throws IOException {
        var series = model.dataset().dailySeries(SalesFilter.ALL).orElseThrow();
        double[] values = series.values().clone();
        values[values.length - 3] = Double.NaN; // a missing actual in the holdout: NaN in an error path
        var withGap = new org.stockcast.model.dataset.DailySeries(series.start(), values);
        java.util.Map<Member, org.stockcast.model.forecaster.Forecaster> members = new java.util.EnumMap<>(Member.class);
        members.put(Member.ADDITIVE, org.stockcast.model.additive.AdditiveModel.forecaster(
                TestVersions.fastAdditive().withInterval(0.8, 0)));
        members.put(Member.SEASONAL_NAIVE, org.stockcast.model.backtest.Backtest.seasonalNaive(7));
        SeriesBacktest backtest = EnsembleBacktest.run(SeriesKey.TOTAL, withGap,
                new BacktestPlan(28, 7, 0, 91, 7, 28), members, 0);
        EnsembleCalibration calibration = EnsembleCalibration.learn(List.of(backtest), 0.8, java.util.Optional.empty())
                .orElseThrow();
        EnsembleModel calibrated = new EnsembleModel(model.dataset(), model.additiveModels(), model.lstm(),
                model.weights(), model.additiveConfig(), java.util.Optional.of(calibration));
        ModelVersionFiles.write(calibrated, EnsembleWeights.Mode.AUTO, java.util.Optional.of(model.lstm()), dir);
        assertThat(dir.resolve(ModelVersionFiles.LSTM_HOLDOUT)).isRegularFile();

        EnsembleModel read = ModelVersionFiles.read(dir);
        assertThat(read.calibration()).isPresent();
        SeriesProfile before = calibration.series().get(SeriesKey.TOTAL);
        SeriesProfile after = read.calibration().get().series().get(SeriesKey.TOTAL);
        assertThat(after.weights()).isEqualTo(before.weights());
        assertThat(after.bands()).isEqualTo(before.bands());
        assertThat(after.errorPaths()).hasSameSizeAs(before.errorPaths());
        assertThat(java.util.Arrays.stream(after.errorPaths().get(after.errorPaths().size() - 1)).anyMatch(Double::isNaN)).isTrue();
        EnsembleForecast served = read.forecast(SalesFilter.ALL, 30).orElseThrow();
        EnsembleForecast expected = calibrated.forecast(SalesFilter.ALL, 30).orElseThrow();
        assertThat(served.forecast()).containsExactly(expected.forecast(), within(1e-9));
        assertThat(served.upper()).containsExactly(expected.upper(), within(1e-9));
        assertThat(served.seasonalNaive()).hasSize(30);
        assertThat(served.errorPaths().isEmpty()).isFalse();
        // an on-demand filter is served with its kind's pooled profile
        assertThat(read.forecast(SalesFilter.product("P2"), 7)).isPresent();
    }

    /** The band scale rule is saved; a file without it (saved before the rule) serves whole-history units. */
    @Test
    void theBandScaleWindowRoundTripsAndAFileWithoutItReadsAsTheWholeHistory() throws IOException {
        var series = model.dataset().dailySeries(SalesFilter.ALL).orElseThrow();
        var members = new java.util.EnumMap<Member, org.stockcast.model.forecaster.Forecaster>(Member.class);
        members.put(Member.SEASONAL_NAIVE, org.stockcast.model.backtest.Backtest.seasonalNaive(7));
        SeriesBacktest backtest = EnsembleBacktest.run(SeriesKey.TOTAL, series,
                new BacktestPlan(28, 7, 0, 91, 7, 28), members, 0);
        EnsembleCalibration calibration = EnsembleCalibration.learn(List.of(backtest), 0.8,
                java.util.Optional.empty(), EnsembleCalibration.DEFAULT_METHOD, EnsembleCalibration.DEFAULT_WEIGHTS,
                new EnsembleCalibration.BandRule(EnsembleCalibration.BandSource.KIND,
                        EnsembleCalibration.DEFAULT_BAND_ERRORS, 28, 0,
                        EnsembleCalibration.BandLevel.NOMINAL)).orElseThrow();
        ModelVersionFiles.write(new EnsembleModel(model.dataset(), model.additiveModels(), model.lstm(),
                model.weights(), model.additiveConfig(), java.util.Optional.of(calibration)), dir);
        String json = Files.readString(dir.resolve(ModelVersionFiles.ENSEMBLE));
        assertThat(json).contains("\"band_scale_days\":28");
        assertThat(ModelVersionFiles.read(dir).calibration().orElseThrow().bandScaleDays()).isEqualTo(28);

        Files.writeString(dir.resolve(ModelVersionFiles.ENSEMBLE), json.replace(",\"band_scale_days\":28", ""));
        EnsembleModel old = ModelVersionFiles.read(dir);
        assertThat(old.calibration().orElseThrow().bandScaleDays()).isZero();
        Band band = old.calibration().get().series().get(SeriesKey.TOTAL).band(0);
        assertThat(band).isEqualTo(calibration.series().get(SeriesKey.TOTAL).band(0));
        EnsembleForecast served = old.forecast(SalesFilter.ALL, 7).orElseThrow();
        double wholeHistory = BandScale.of(served.history().values(), served.history().length(), 0);
        assertThat(served.upper()[0] - served.forecast()[0]).isCloseTo(band.upper() * wholeHistory, within(1e-6));
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
        assertThat(settings.formatVersion()).isEqualTo(2);
        assertThat(settings.calibration()).as("a version built without a backtest").isNull();
        String json = Files.readString(dir.resolve("ensemble.json"));
        assertThat(json).contains("\"format_version\"", "\"weighting_mode\":\"AUTO\"", "\"additive_config\"",
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
        Files.writeString(ensemble, Files.readString(ensemble).replace("\"format_version\":2",
                "\"format_version\":3"));
        assertThatThrownBy(() -> ModelVersionFiles.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("format version 3");
    }
}
