package org.stockcast.model.ensemble;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.additive.FittedAdditiveModel;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesFilter;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SeriesRules;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.lstm.LstmTrainer;
import org.stockcast.model.lstm.TrainingListener;
import org.stockcast.model.lstm.TrainingMode;
import org.stockcast.model.store.ModelStore;

/**
 * Builds real model versions for tests in any module (shared-model's test-jar): the same steps a retrain takes
 * (fit the additive model of every precomputed key, train the global LSTM, write the version files, publish),
 * with settings small enough for a test run.
 */
public final class TestVersions {
    private TestVersions() {
    }

    /** Two epochs of a one-layer, four-unit LSTM: enough to exercise the code, not to forecast well. */
    public static LstmConfig tinyLstm() {
        return new LstmConfig(7, 4, 1, 0.0, LstmConfig.Activation.TANH, 0.01, 32, 2, 2, 0.1, 42L);
    }

    /** Prophet defaults with fewer changepoints and interval samples, for speed. */
    public static AdditiveConfig fastAdditive() {
        AdditiveConfig d = AdditiveConfig.defaults();
        return new AdditiveConfig(10, d.changepointRange(), d.changepointPriorScale(), d.seasonalityPriorScale(),
                d.holidaysPriorScale(), 4, 3, d.mode(), d.intervalWidth(), 200, List.of(), d.seed());
    }

    public static SalesTable table(String csv) {
        try (InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))) {
            return CsvIngest.read(in, "test.csv", IngestLimits.DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SalesTable table(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return CsvIngest.read(in, csv.getFileName().toString(), IngestLimits.DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deterministic sales for {@code days} days ending {@code end}: products P1..Pn in categories A/B and regions
     * North/South, each with a level, a weekly pattern, a slow trend and noise; price, discount and rating vary.
     */
    public static String syntheticCsv(int products, int days, LocalDate end, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("date,product_id,category,region,price,discount,rating,sales\n");
        LocalDate start = end.minusDays(days - 1L);
        for (int p = 1; p <= products; p++) {
            double level = 20 + 15 * p;
            double price = 5 + 3 * p;
            for (int d = 0; d < days; d++) {
                LocalDate date = start.plusDays(d);
                double weekly = 1 + 0.3 * Math.sin(2 * Math.PI * date.getDayOfWeek().getValue() / 7.0 + p);
                double sales = Math.max(0, level * weekly * (1 + 0.002 * d) + random.nextGaussian() * 3);
                csv.append(String.format(Locale.ROOT, "%s,P%d,%s,%s,%.2f,%.2f,%.1f,%.0f%n", date, p,
                        p % 2 == 0 ? "B" : "A", p % 3 == 0 ? "South" : "North", price,
                        (d % 10 == 0) ? 0.2 : 0.0, 3.0 + (p % 3), sales));
            }
        }
        return csv.toString();
    }

    /** The sample files of the shared data folder (/work/shared/data, or -Dstockcast.shared-data). */
    public static Path sharedData(String relative) {
        return Path.of(System.getProperty("stockcast.shared-data", "/work/shared/data")).resolve(relative);
    }

    /**
     * The wide pharma file (datum + one column per drug, M/d/yyyy) in the long docs/api.md format: one row per day and
     * drug, product_id = drug code, category = its ATC group letter (M, N, R).
     */
    public static String pharmaAsLongCsv(Path wideFile) {
        try {
            List<String> lines = Files.readAllLines(wideFile);
            String[] header = lines.get(0).split(",");
            StringBuilder csv = new StringBuilder("date,product_id,category,sales\n");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                for (int c = 1; c < header.length && c <= 8; c++) {
                    String sales = cells[c].isBlank() ? "0" : cells[c];
                    if (Double.parseDouble(sales) < 0) {
                        sales = "0";
                    }
                    csv.append(cells[0]).append(',').append(header[c]).append(',').append(header[c].charAt(0))
                            .append(',').append(sales).append('\n');
                }
            }
            return csv.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fits every precomputed key's additive model and trains the global LSTM on those series. */
    public static EnsembleModel build(SalesTable table, AdditiveConfig additiveConfig, LstmConfig lstmConfig) {
        Map<String, FittedAdditiveModel> models = new LinkedHashMap<>();
        List<double[]> series = new ArrayList<>();
        for (Map.Entry<String, SalesFilter> key : SeriesKey.precomputed(table).entrySet()) {
            Optional<DailySeries> daily = table.dailySeries(key.getValue(), SeriesRules.DEFAULT);
            if (daily.isPresent() && Arrays.stream(daily.get().values()).anyMatch(v -> !Double.isNaN(v))) {
                models.put(key.getKey(), AdditiveModel.fit(daily.get(), additiveConfig));
                series.add(daily.get().values());
            }
        }
        var lstm = LstmTrainer.train(series, lstmConfig, TrainingMode.FULL, Optional.empty(), TrainingListener.NONE)
                .forecaster();
        return new EnsembleModel(table, models, lstm, EnsembleWeights.DEFAULT, additiveConfig, java.util.Optional.empty());
    }

    public static EnsembleModel build(SalesTable table) {
        return build(table, fastAdditive(), tinyLstm());
    }

    /** Publishes {@code model} as the store's next version, as the retrain service does; returns its number. */
    public static int publish(ModelStore store, EnsembleModel model) throws IOException {
        SalesTable dataset = model.dataset();
        LocalDate last = dataset.lastDate().orElse(null);
        return store.publish(dir -> ModelVersionFiles.write(model, dir), dataset.size(), last,
                Map.of("weight_additive", model.weights().additive(), "weight_lstm", model.weights().lstm()));
    }
}
