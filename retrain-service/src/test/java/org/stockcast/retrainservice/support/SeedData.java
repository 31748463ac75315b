package org.stockcast.retrainservice.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.TestData;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;

/** The shared sample files and a small synthetic master dataset for end-to-end tests. */
public final class SeedData {
    /** First and last day of the synthetic master (12 weeks), then one extra P021 row on 2025-09-01. */
    public static final LocalDate MASTER_START = LocalDate.of(2025, 6, 9);
    public static final int MASTER_DAYS = 84;
    public static final String[][] PRODUCTS = {
            {"P021", "Electronics", "North", "320"},
            {"P022", "HomeAppliance", "South", "280"},
            {"P030", "Groceries", "East", "150"}};
    /** Sales of the P021 2025-09-01 master row the sample upload overwrites with 320. */
    public static final double P021_SEP1_BEFORE = 299;
    public static final int MASTER_ROWS = MASTER_DAYS * PRODUCTS.length + 1;

    private SeedData() {
    }

    /** A file of the shared seed data (../shared/data/seed beside the checkout; see shared-model's TestData). */
    public static Path seedFile(String name) {
        return TestData.seed(name);
    }

    public static Path sampleP021() {
        return seedFile("sample_dataset_P021_P022.csv");
    }

    /** 12 weeks of three products with a weekly pattern and noise (fixed seed), plus P021 on 2025-09-01. */
    public static String masterCsv() {
        StringBuilder csv = new StringBuilder("date,product_id,category,region,price,discount,rating,sales\n");
        Random random = new Random(7);
        for (int d = 0; d < MASTER_DAYS; d++) {
            LocalDate date = MASTER_START.plusDays(d);
            for (String[] p : PRODUCTS) {
                double base = Double.parseDouble(p[3]);
                double weekly = 1 + 0.15 * Math.sin(2 * Math.PI * date.getDayOfWeek().getValue() / 7.0);
                double sales = Math.round(base * weekly * (1 + 0.001 * d) + random.nextGaussian() * base * 0.05);
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.2f,%d,%.1f,%.0f%n", date, p[0], p[1], p[2],
                        100.0, 5, 4.2, sales));
            }
        }
        csv.append(String.format(Locale.ROOT, "2025-09-01,P021,Electronics,North,14999,10,4.5,%.0f%n",
                P021_SEP1_BEFORE));
        return csv.toString();
    }

    /** Writes the synthetic master into {@code dataDir} through the real ingest + dataset code. */
    public static void writeMaster(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            SalesTable table = CsvIngest.read(new ByteArrayInputStream(masterCsv().getBytes(StandardCharsets.UTF_8)),
                    "master.csv", IngestLimits.DEFAULTS);
            new MasterDataset(dataDir).write(table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
