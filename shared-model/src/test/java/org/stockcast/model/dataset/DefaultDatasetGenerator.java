package org.stockcast.model.dataset;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.stockcast.model.master.MasterDataset;

/**
 * Builds the bundled default master dataset (data/master.csv) from the real pharmacy sales file
 * ../shared/data/real/pharma-salesdaily.csv, which is wide (one column per ATC drug group, dates M/d/yyyy).
 *
 * <ul>
 *   <li>rows: the last {@value #WINDOW_DAYS} days of the file (2017-06-21 .. 2019-10-08), so models see two full
 *       years and yearly seasonality applies; one row per day and drug group, long format;</li>
 *   <li>dates moved forward by {@value #SHIFT_WEEKS} whole weeks (weekdays and so the weekly pattern kept; the
 *       yearly phase moves by 4 days) to 2023-05-10 .. 2025-08-26: the bundled data then ends just before the seed
 *       sample uploads (September/October 2025), so uploading them continues the history instead of leaving six
 *       years of zero sales between the two;</li>
 *   <li>product_id = the ATC code, sales = the file's value unchanged;</li>
 *   <li>category = the therapeutic group, region = a fixed assignment (see {@link #PRODUCTS});</li>
 *   <li>price, discount, rating: generated, deterministic with {@link SplittableRandom} seed {@value #SEED}:
 *       a list price per product moving by -3%..+5% every 91 days, promotions of 5-20% in about 15% of the weeks,
 *       a monthly rating around a per-product level.</li>
 * </ul>
 *
 * Regenerate (from the repository root):
 * {@code mvn -q -pl shared-model test-compile exec:java -Dexec.mainClass=org.stockcast.model.dataset.DefaultDatasetGenerator -Dexec.classpathScope=test}
 * with optional {@code -Dexec.args="<pharma csv> <output csv>"}. DefaultDatasetTest checks that data/master.csv is
 * exactly what this class produces.
 */
public final class DefaultDatasetGenerator {
    static final long SEED = 20251123L;
    static final int WINDOW_DAYS = 840;
    static final int SHIFT_WEEKS = 307;
    private static final DateTimeFormatter PHARMA_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    /** ATC code, category, region, list price at the start of the window. */
    record Product(String code, String category, String region, double startPrice) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("M01AB", "Anti-inflammatory", "North", 4.20),  // acetic acid derivatives (diclofenac)
            new Product("M01AE", "Anti-inflammatory", "South", 3.60),  // propionic acid derivatives (ibuprofen)
            new Product("N02BA", "Analgesic", "East", 2.90),           // salicylic acid (aspirin)
            new Product("N02BE", "Analgesic", "West", 1.80),           // pyrazolones and anilides (paracetamol)
            new Product("N05B", "Psycholeptic", "North", 6.50),        // anxiolytics
            new Product("N05C", "Psycholeptic", "South", 7.90),        // hypnotics and sedatives
            new Product("R03", "Respiratory", "East", 12.40),          // obstructive airway diseases
            new Product("R06", "Respiratory", "West", 5.30));          // antihistamines

    private DefaultDatasetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path pharma = args.length > 0 ? Path.of(args[0]) : TestData.pharma();
        Path output = args.length > 1 ? Path.of(args[1])
                : TestData.repositoryRoot().resolve("data").resolve(MasterDataset.FILE_NAME);
        SalesTable table = generate(pharma);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Path temp = output.resolveSibling(output.getFileName() + ".generating.tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            SalesTableCsv.write(table, out);
        }
        Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("wrote %s: %d rows, %d products, %s..%s, %d bytes%n", output, table.size(),
                table.productIds().size(), table.firstDate().orElseThrow(), table.lastDate().orElseThrow(),
                Files.size(output));
    }

    static SalesTable generate(Path pharmaCsv) throws IOException {
        List<LocalDate> dates = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        int[] columnOf = new int[PRODUCTS.size()];
        try (Reader reader = Files.newBufferedReader(pharmaCsv, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(reader).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
            List<String> header = Arrays.asList(csv.readNext());
            for (int p = 0; p < PRODUCTS.size(); p++) {
                columnOf[p] = header.indexOf(PRODUCTS.get(p).code());
                if (columnOf[p] < 0) {
                    throw new IOException("no column " + PRODUCTS.get(p).code() + " in " + pharmaCsv);
                }
            }
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                dates.add(LocalDate.parse(row[0], PHARMA_DATE));
                rows.add(row);
            }
        } catch (CsvValidationException e) {
            throw new IOException(e);
        }
        LocalDate last = dates.get(dates.size() - 1);
        LocalDate first = last.minusDays(WINDOW_DAYS - 1L);

        SplittableRandom random = new SplittableRandom(SEED);
        int n = PRODUCTS.size();
        double[] price = new double[n];
        double[] ratingLevel = new double[n];
        double[] rating = new double[n];
        double[] discount = new double[n];
        for (int p = 0; p < n; p++) {
            price[p] = PRODUCTS.get(p).startPrice();
            ratingLevel[p] = 3.6 + random.nextDouble() * 1.2;
        }
        SalesTableBuilder table = SalesTable.builder(WINDOW_DAYS * n);
        int dayIndex = 0;
        for (int r = 0; r < rows.size(); r++) {
            LocalDate date = dates.get(r);
            if (date.isBefore(first)) {
                continue;
            }
            for (int p = 0; p < n; p++) {
                if (dayIndex > 0 && dayIndex % 91 == 0) {
                    price[p] = round(price[p] * (1 + random.nextDouble(-0.03, 0.05)), 100);
                }
                if (dayIndex % 7 == 0) {
                    discount[p] = random.nextDouble() < 0.15 ? 5 * random.nextInt(1, 5) : 0;
                }
                if (dayIndex % 30 == 0) {
                    rating[p] = round(Math.max(1, Math.min(5, ratingLevel[p] + random.nextGaussian() * 0.15)), 10);
                }
                Product product = PRODUCTS.get(p);
                double sales = Double.parseDouble(rows.get(r)[columnOf[p]]);
                table.add(date.plusWeeks(SHIFT_WEEKS), product.code(), sales, product.category(), product.region(), price[p], discount[p],
                        rating[p]);
            }
            dayIndex++;
        }
        return table.build();
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
