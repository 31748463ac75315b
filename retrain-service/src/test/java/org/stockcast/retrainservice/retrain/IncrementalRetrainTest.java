package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.store.ModelStore;
import org.stockcast.retrainservice.InventoryProperties;
import org.stockcast.retrainservice.support.SeedData;

/** The daily retrain continues the previous version: incremental LSTM fine-tune, additive fits reused. */
class IncrementalRetrainTest {
    @TempDir
    Path root;

    private RetrainResult run(InventoryProperties properties, ModelStore store, String csv, Messages progress)
            throws IOException {
        SalesTable upload = CsvIngest.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "day.csv", IngestLimits.DEFAULTS);
        MasterDataset master = new MasterDataset(properties.dataDir());
        RetrainPipeline pipeline = new RetrainPipeline(properties, master, store, new StorePublisher(store, master),
                new RetrainMetrics(new SimpleMeterRegistry()));
        return pipeline.run("job", RetrainRequest.upload(upload, "day.csv", true, OptionalInt.empty(),
                Duration.ZERO), progress);
    }

    private static String day(LocalDate date) {
        return "date,product_id,category,region,sales\n" + date + ",P021,Electronics,North,330\n" + date
                + ",P022,HomeAppliance,South,290\n" + date + ",P030,Groceries,East,155\n";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lstm(ModelStore store, int version) {
        return (Map<String, Object>) store.readManifest(version).orElseThrow().metrics().get("lstm");
    }

    @Test
    void aNewDayFineTunesOnTheNewWindowsAndAScheduledFullRetrainStartsAgain() throws IOException {
        Path data = root.resolve("data");
        SeedData.writeMaster(data);
        InventoryProperties properties = TestProperties.tiny(data, root.resolve("models"),
                Map.of("inventory.retrain.full-every", "3"));
        ModelStore store = new ModelStore(properties.modelDir(), 5);
        run(properties, store, day(LocalDate.of(2025, 9, 1)), new Messages());
        assertThat(lstm(store, 1)).containsEntry("training", "fine_tune");

        Messages second = new Messages();
        run(properties, store, day(LocalDate.of(2025, 9, 2)), second);

        assertThat(lstm(store, 2)).containsEntry("training", "incremental").containsEntry("trainings_since_full", 2);
        // one new day: the holdout lineage learns the 3 series' (+ total) days between the two cuts, the served one
        // the new day of each series; each with as many replayed older windows
        assertThat(second.lines()).contains("Previous LSTM: model version 1")
                .anyMatch(m -> m.matches("Fine-tuning the LSTM on \\d+ new and replayed windows .*"));
        assertThat(second.lines()).anyMatch(m -> m.startsWith("Unchanged, reused additive model")
                || m.startsWith("Fitted additive model"));
        assertThat(Files.isRegularFile(store.versionDir(2).resolve(AdditiveFitKeys.FILE))).isTrue();

        Messages third = new Messages();
        run(properties, store, day(LocalDate.of(2025, 9, 3)), third);

        assertThat(lstm(store, 3)).containsEntry("training", "full").containsEntry("trainings_since_full", 0);
        assertThat(third.lines()).anyMatch(m -> m.startsWith("Scheduled full retrain"));
    }

    @Test
    void firstNewDayIsTheEarlierOfTheDayAfterTrainingAndTheFirstUploadedDay() throws IOException {
        SalesTable upload = CsvIngest.read(new ByteArrayInputStream(("date,product_id,category,region,sales\n"
                + "2025-08-20,P021,Electronics,North,1\n2025-09-05,P022,HomeAppliance,South,2\n")
                .getBytes(StandardCharsets.UTF_8)), "u.csv", IngestLimits.DEFAULTS);
        LstmChanges changes = LstmChanges.of(4, LocalDate.of(2025, 9, 1), Optional.of(upload));
        LocalDate start = LocalDate.of(2025, 8, 1);

        assertThat(changes.firstNewIndex(Optional.of("P021"), start, 40, LocalDate.of(2025, 9, 1))).isEqualTo(19);
        assertThat(changes.firstNewIndex(Optional.of("P022"), start, 40, LocalDate.of(2025, 9, 1))).isEqualTo(32);
        assertThat(changes.firstNewIndex(Optional.of("P030"), start, 40, LocalDate.of(2025, 8, 9))).isEqualTo(9);
        assertThat(changes.firstNewIndex(Optional.empty(), start, 40, LocalDate.of(2025, 9, 1))).isEqualTo(19);
        assertThat(changes.firstNewIndex(Optional.of("P030"), start, 20, LocalDate.of(2025, 9, 1))).isEqualTo(20);
    }
}
