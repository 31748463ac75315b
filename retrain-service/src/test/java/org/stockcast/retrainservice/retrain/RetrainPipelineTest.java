package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.lstm.EpochProgress;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.version.VersionFiles;
import org.stockcast.retrainservice.InventoryProperties;
import org.stockcast.retrainservice.support.DirSnapshot;
import org.stockcast.retrainservice.support.SeedData;

/** The pipeline with the real model code on tiny settings, without Spring. */
class RetrainPipelineTest {
    @TempDir
    Path root;

    private record Recorded(List<Stage> stages, List<String> messages, List<EpochProgress> epochs)
            implements RetrainProgress {
        Recorded() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void stage(Stage stage, String message) {
            stages.add(stage);
            messages.add(message);
        }

        @Override
        public void epoch(EpochProgress progress) {
            epochs.add(progress);
        }
    }

    private RetrainPipeline pipeline(InventoryProperties properties, ModelPublisher publisher) {
        return new RetrainPipeline(properties, new MasterDataset(properties.dataDir()),
                new ModelStore(properties.modelDir(), 5), publisher, new RetrainMetrics(new SimpleMeterRegistry()));
    }

    /** Publishing to {@code store}, the publisher linking the pipeline's own master dataset as the service does. */
    private static RetrainPipeline stored(InventoryProperties properties, ModelStore store) {
        MasterDataset master = new MasterDataset(properties.dataDir());
        return new RetrainPipeline(properties, master, store, new StorePublisher(store, master),
                new RetrainMetrics(new SimpleMeterRegistry()));
    }

    private static RetrainRequest sampleUpload() throws IOException {
        try (InputStream in = Files.newInputStream(SeedData.sampleP021())) {
            SalesTable upload = CsvIngest.read(in, "sample.csv", IngestLimits.DEFAULTS);
            return RetrainRequest.upload(upload, "sample.csv", true, OptionalInt.empty(), Duration.ofMillis(5));
        }
    }

    @Test
    void threeDaysOfNewProductsAsTheOnlyDataPublishAColdStartVersion() throws Exception {
        Path models = root.resolve("models");
        InventoryProperties properties = TestProperties.tiny(root.resolve("data"), models, Map.of());
        ModelStore store = new ModelStore(models, 5);
        Recorded progress = new Recorded();

        RetrainResult result = stored(properties, store).run("job-new", sampleUpload(),
                progress);

        assertThat(result.modelVersion()).isEqualTo(1);
        assertThat(progress.messages()).anyMatch(m -> m.contains("No series is long enough")
                && m.contains("keeping the initial network"));
        EnsembleModel model = VersionFiles.readOnce(store.versionDir(1));
        var p021 = model.forecast(SalesFilter.product("P021"), 30).orElseThrow();
        assertThat(p021.warnings()).singleElement().asString().startsWith("New series");
        assertThat(java.util.Arrays.stream(p021.forecast()).max().orElseThrow()).isLessThanOrEqualTo(1.5 * 400);
    }

    @Test
    void absentDaysConfiguredAsMissingAreSavedInTheVersionAndLeftUnfitted() throws Exception {
        Path data = root.resolve("data");
        Path models = root.resolve("models");
        SeedData.writeMaster(data);
        InventoryProperties properties = TestProperties.tiny(data, models,
                Map.of("inventory.data.absent-days", "missing"));
        ModelStore store = new ModelStore(models, 5);
        // P030 reports 2025-09-02 after a day without a row (2025-09-01) following its last master day
        String csv = "date,product_id,category,region,sales\n2025-09-02,P030,Groceries,East,150\n";
        SalesTable upload = CsvIngest.read(new java.io.ByteArrayInputStream(csv.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "gap.csv", IngestLimits.DEFAULTS);

        stored(properties, store).run("job-m", RetrainRequest.upload(upload, "gap.csv", true,
                OptionalInt.empty(), Duration.ofMillis(5)), new Recorded());

        EnsembleModel model = VersionFiles.readOnce(store.versionDir(1));
        assertThat(model.seriesRules().absentDays()).isEqualTo(org.stockcast.model.dataset.AbsentDays.MISSING);
        double[] p030 = model.forecast(SalesFilter.product("P030"), 7).orElseThrow().history().values();
        assertThat(p030[p030.length - 2]).isNaN();
        assertThat(p030[p030.length - 1]).isEqualTo(150);
    }

    @Test
    void whenPublishingFailsTheMasterDatasetIsPutBackAndNoVersionAppears() throws Exception {
        Path data = root.resolve("data");
        Path models = root.resolve("models");
        SeedData.writeMaster(data);
        InventoryProperties properties = TestProperties.tiny(data, models, Map.of());
        ModelPublisher failing = (model, weighting, holdout, fitKeys, rows, lastDate, metrics) -> {
            // By now the merged master must already be on disk: publish comes after the master write.
            assertThat(new MasterDataset(data).load().size()).isEqualTo(SeedData.MASTER_ROWS + 5);
            throw new IOException("disk full");
        };
        Recorded progress = new Recorded();

        assertThatThrownBy(() -> pipeline(properties, failing).run("job-x", sampleUpload(), progress))
                .isInstanceOf(IOException.class).hasMessage("disk full");

        SalesTable master = new MasterDataset(data).load();
        assertThat(master.size()).isEqualTo(SeedData.MASTER_ROWS);
        assertThat(master.lastDate()).contains(LocalDate.of(2025, 9, 1));
        for (int i = 0; i < master.size(); i++) {
            if (master.date(i).equals(LocalDate.of(2025, 9, 1)) && master.productId(i).equals("P021")) {
                assertThat(master.sales(i)).isEqualTo(SeedData.P021_SEP1_BEFORE);
            }
        }
        assertThat(new ModelStore(models, 5).versions()).isEmpty();
        assertThat(progress.stages()).containsSubsequence(Stage.MERGE, Stage.ADDITIVE, Stage.LSTM, Stage.EVALUATE,
                Stage.PUBLISH);
        assertThat(progress.epochs()).isNotEmpty();
    }

    @Test
    void autoWeightsComeFromTheBacktestAndAreRecordedInTheVersion() throws Exception {
        Path data = root.resolve("data");
        Path models = root.resolve("models");
        SeedData.writeMaster(data);
        InventoryProperties properties = TestProperties.tiny(data, models, Map.of("inventory.ensemble.weights", "auto"));
        ModelStore store = new ModelStore(models, 5);
        RetrainResult result = stored(properties, store).run("job-a", sampleUpload(),
                new Recorded());

        @SuppressWarnings("unchecked")
        Map<String, Object> weights = (Map<String, Object>) result.metrics().get("ensemble_weights");
        assertThat(weights.get("mode")).isEqualTo("auto");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> total = (Map<String, Map<String, Double>>) weights.get("total");
        assertThat(total).containsOnlyKeys("1-7", "8-28", "29-91", "92-365");
        total.values().forEach(bucket -> assertThat(bucket.values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6)));
        assertThat(total.get("92-365").get("lstm")).as("never validated beyond the holdout").isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> backtest = (Map<String, Object>) result.metrics().get("backtest");
        assertThat(backtest.get("lstm_scored")).isEqualTo(true);
        assertThat(backtest).containsKey("by_kind");
        assertThat(store.verify(result.modelVersion()).ok()).isTrue();
        assertThat(store.verify(result.modelVersion()).manifest().orElseThrow().metrics())
                .containsKey("ensemble_weights");
        assertThat(Files.readString(store.versionDir(result.modelVersion()).resolve("ensemble.json")))
                .contains("calibration").containsIgnoringCase("auto");
        assertThat(store.versionDir(result.modelVersion()).resolve("lstm-holdout.zip")).isRegularFile();
        // The snapshot is the master's month partitions, linked, each in the manifest; no second full copy.
        Path version = store.versionDir(result.modelVersion());
        assertThat(version.resolve("dataset.csv")).doesNotExist();
        assertThat(store.verify(result.modelVersion()).manifest().orElseThrow().files().keySet())
                .contains("dataset/index.json")
                .anyMatch(f -> f.matches("dataset/\\d{4}-\\d{2}\\.[0-9a-f]{16}\\.csv"));
        // What the forecast service will load: the same weights, and forecasts for a precomputed series.
        EnsembleModel served = VersionFiles.readOnce(store.versionDir(result.modelVersion()));
        assertThat(served.calibration()).isPresent();
        assertThat(served.calibration().get().series().get("total").weights().buckets())
                .hasSize(4);
        assertThat(served.dataset().size()).isEqualTo(SeedData.MASTER_ROWS + 5);
        assertThat(served.additiveModels()).containsKeys("total", "product:P021", "category:Electronics",
                "region:North");
        assertThat(served.forecast(SalesFilter.product("P021"), 7).orElseThrow().forecast()).hasSize(7);
        assertThat(result.timings()).containsKeys("validate", "merge", "additive", "lstm", "evaluate", "publish");
    }

    @Test
    void bootstrapOnAnEmptyMasterFailsWithoutWritingAnything() {
        Path data = root.resolve("data");
        Path models = root.resolve("models");
        InventoryProperties properties = TestProperties.tiny(data, models, Map.of());
        ModelPublisher never = (model, weighting, holdout, fitKeys, rows, lastDate, metrics) -> {
            throw new AssertionError("must not publish");
        };
        assertThatThrownBy(() -> pipeline(properties, never).run("job-e", RetrainRequest.bootstrap(), new Recorded()))
                .hasMessageContaining("empty");
        assertThat(DirSnapshot.of(root)).allSatisfy((name, hash) -> assertThat(name).doesNotStartWith("models/1"));
        assertThat(Files.exists(models.resolve("1"))).isFalse();
    }
}
