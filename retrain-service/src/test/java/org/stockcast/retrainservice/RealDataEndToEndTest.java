package org.stockcast.retrainservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.TestData;
import org.stockcast.model.ensemble.EnsembleForecast;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.version.VersionFiles;
import org.stockcast.retrainservice.support.Http;
import org.stockcast.retrainservice.support.Multipart;
import org.stockcast.retrainservice.support.SeedData;
import org.stockcast.retrainservice.support.SseEvent;
import org.stockcast.retrainservice.support.SseReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 end to end through real HTTP: uploads of the bundled data and of uneven, new, all-zero and missing
 * data each publish a version, and what the version serves holds: new products neither pull the total towards 0
 * nor get a trend through their first days. The service starts on an empty data dir (no start-up training), so
 * every version comes from an upload whose stream is read to its end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "inventory.lstm.epochs=2", "inventory.lstm.units=8", "inventory.lstm.layers=1", "inventory.lstm.window=7",
        "inventory.retrain.train-on-start=false", "inventory.evaluate.holdout-days=28",
        "inventory.evaluate.long-origins=0", "inventory.evaluate.max-products=4"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealDataEndToEndTest {
    private static final Path ROOT = tempRoot();
    private static final Path DATA = ROOT.resolve("data");
    private static final Path MODELS = ROOT.resolve("models");
    private static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;
    /** The progress messages of the last upload. */
    private List<String> messages = List.of();

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("inventory.data-dir", DATA::toString);
        registry.add("inventory.model-dir", MODELS::toString);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        FileSystemUtils.deleteRecursively(ROOT);
    }

    @Test
    @Order(1)
    void anUploadWhoseHistoryIsAllZerosPublishesAVersionForecastingZeroEvenAsTheOnlyData() throws Exception {
        StringBuilder csv = new StringBuilder("date,product_id,category,sales\n");
        // ends where the bundled data ends, so it is an active member of the aggregates uploaded next
        LocalDate start = LocalDate.of(2025, 8, 26).minusDays(89);
        for (int d = 0; d < 90; d++) {
            csv.append(start.plusDays(d)).append(",PRELAUNCH,Analgesic,0\n");
        }

        int version = upload("prelaunch.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(version).isEqualTo(1);
        assertThat(messages).anyMatch(m -> m.contains("skipping the LSTM training and keeping the initial network"));
        EnsembleForecast f = served(version).forecast(SalesFilter.product("PRELAUNCH"), 14).orElseThrow();
        assertThat(f.forecast()).containsOnly(0.0);
        assertThat(f.warnings()).singleElement().asString().contains("are zero");
        assertThat(served(version).forecast(SalesFilter.ALL, 7).orElseThrow().forecast()).containsOnly(0.0);
    }

    @Test
    @Order(2)
    void newProductsOnTopOfTheBundledDataKeepTheTotalAndGetNoTrend() throws Exception {
        int bundled = upload("master.csv", Files.readAllBytes(TestData.bundledMaster()));
        EnsembleForecast totalBefore = served(bundled).forecast(SalesFilter.ALL, 7).orElseThrow();

        int withNew = upload("sample_dataset_P021_P022.csv", Files.readAllBytes(SeedData.sampleP021()));

        EnsembleModel model = served(withNew);
        EnsembleForecast totalAfter = model.forecast(SalesFilter.ALL, 7).orElseThrow();
        assertThat(sum(totalAfter.forecast())).isBetween(0.75 * sum(totalBefore.forecast()),
                1.25 * sum(totalBefore.forecast()));
        assertThat(totalAfter.start()).isEqualTo(totalBefore.start());
        EnsembleForecast p021 = model.forecast(SalesFilter.product("P021"), 30).orElseThrow();
        double highestDay = Arrays.stream(p021.history().values()).max().orElseThrow();
        assertThat(highestDay).isEqualTo(400);
        assertThat(Arrays.stream(p021.forecast()).max().orElseThrow()).isLessThanOrEqualTo(1.5 * highestDay);
        assertThat(p021.warnings()).anyMatch(w -> w.startsWith("New series"));
    }

    @Test
    @Order(3)
    void aCsvWithNaAndEmptySalesCellsUploadsPublishesAndKeepsThemMissing() throws Exception {
        String csv = "date,product_id,category,region,sales,event\n"
                + "2025-08-20,N02BA,Analgesic,East,NA,\n"
                + "2025-08-21,N02BA,Analgesic,East,,0\n"
                + "2025-08-22,N02BA,Analgesic,East,3,promo\n";

        int version = upload("gaps.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(messages).contains("Special days: 1 (event: promo)");

        SalesTable master = new MasterDataset(DATA).load();
        assertThat(sales(master, "2025-08-20", "N02BA")).isNaN();
        assertThat(sales(master, "2025-08-21", "N02BA")).isNaN();
        assertThat(sales(master, "2025-08-22", "N02BA")).isEqualTo(3);
        EnsembleModel model = served(version);
        double[] history = model.forecast(SalesFilter.product("N02BA"), 7).orElseThrow().history().values();
        assertThat(history[history.length - 7]).isNaN(); // 2025-08-20, the product's history ends 2025-08-26
        for (double v : model.forecast(SalesFilter.product("N02BA"), 7).orElseThrow().forecast()) {
            assertThat(v).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    /** Uploads, reads the whole SSE stream and returns the published version. */
    private int upload(String name, byte[] content) throws Exception {
        Http http = new Http(port);
        HttpResponse<InputStream> response = http.stream(http.post("/retrain",
                Multipart.file("file", name, "text/csv", content)));
        assertThat(response.statusCode()).isEqualTo(200);
        List<SseEvent> events;
        try (SseReader reader = new SseReader(response.body())) {
            events = reader.readAll();
        }
        messages = events.stream().filter(e -> e.event().equals("progress"))
                .map(e -> JSON.readTree(e.data()).get("message").asString()).toList();
        SseEvent last = events.get(events.size() - 1);
        assertThat(last.event()).as(last.data()).isEqualTo("result");
        JsonNode result = JSON.readTree(last.data());
        assertThat(result.get("status").asString()).isEqualTo("success");
        return result.get("modelVersion").asInt();
    }

    private static EnsembleModel served(int version) throws IOException {
        ModelStore store = new ModelStore(MODELS, 5);
        assertThat(store.verify(version).ok()).isTrue();
        return VersionFiles.readOnce(store.versionDir(version));
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    private static double sales(SalesTable table, String date, String product) {
        LocalDate day = LocalDate.parse(date);
        for (int i = 0; i < table.size(); i++) {
            if (table.date(i).equals(day) && product.equals(table.productId(i))) {
                return table.sales(i);
            }
        }
        throw new AssertionError("No row " + date + " " + product);
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("retrain-real-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
