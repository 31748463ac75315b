package org.stockcast.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;

/**
 * A small master dataset for the services under test: three synthetic products with weekly seasonality over
 * 120 days plus the P023/P024 sample file. Written with the shared MasterDataset, so its on-disk format is
 * whatever the services read.
 */
final class SeedData {
    static final LocalDate START = LocalDate.of(2025, 5, 1);
    static final int DAYS = 120;
    static final String[] PRODUCTS = {"P001", "P002", "P003"};
    static final String[] CATEGORIES = {"Electronics", "Home", "Groceries"};
    static final String[] REGIONS = {"North", "South", "East"};

    private SeedData() {
    }

    static byte[] syntheticCsv() {
        StringBuilder sb = new StringBuilder("date,product_id,category,region,price,discount,rating,sales,profit\n");
        for (int p = 0; p < PRODUCTS.length; p++) {
            for (int d = 0; d < DAYS; d++) {
                LocalDate date = START.plusDays(d);
                double weekly = 1 + 0.3 * Math.sin(2 * Math.PI * date.getDayOfWeek().getValue() / 7.0);
                double noise = ((d * 7919L + p * 104729L) % 23) - 11; // deterministic, no Random
                double sales = Math.max(0, Math.round((40 + 15 * p + 0.1 * d) * weekly + noise));
                sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.2f,%d,%.1f,%.0f,%.0f%n", date, PRODUCTS[p],
                        CATEGORIES[p], REGIONS[p], 100.0 + 50 * p, (d % 4) * 5, 3.5 + 0.4 * p, sales, sales * 12));
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (InputStream in = SeedData.class.getResourceAsStream("/seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource seed/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SalesTable parse(byte[] csv, String name) throws IOException {
        return CsvIngest.read(new ByteArrayInputStream(csv), name, IngestLimits.DEFAULTS);
    }

    /** Writes the seed master dataset into {@code dataDir}. */
    static void seed(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        SalesTable synthetic = parse(syntheticCsv(), "synthetic.csv");
        SalesTable sample = parse(resource("sample_dataset_P023_P024_fixed.csv"), "sample_dataset_P023_P024_fixed.csv");
        new MasterDataset(dataDir).write(MasterDataset.merge(synthetic, sample).merged());
    }
}
