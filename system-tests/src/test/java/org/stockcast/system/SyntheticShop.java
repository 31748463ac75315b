package org.stockcast.system;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic daily sales of many products for the scale benchmark: per product a level (log-normal),
 * a trend, weekly and yearly seasonality with their own phases and Poisson-like noise; one product in ten is
 * intermittent (sells on about a third of the days). 20 categories, 5 regions. A day's value depends only on the
 * product, the day and the seed, so the daily uploads continue the history exactly.
 */
final class SyntheticShop {
    static final int CATEGORIES = 20;
    static final int REGIONS = 5;
    private static final String HEADER = "date,product_id,category,region,sales\n";

    private final int products;
    private final LocalDate start;
    private final long seed;
    private final double[] level;
    private final double[] trend;
    private final double[] weeklyPhase;
    private final double[] yearlyPhase;
    private final boolean[] intermittent;

    SyntheticShop(int products, LocalDate start, long seed) {
        this.products = products;
        this.start = start;
        this.seed = seed;
        level = new double[products];
        trend = new double[products];
        weeklyPhase = new double[products];
        yearlyPhase = new double[products];
        intermittent = new boolean[products];
        SplittableRandom random = new SplittableRandom(seed);
        for (int p = 0; p < products; p++) {
            level[p] = Math.exp(3 + random.nextGaussian());
            trend[p] = 0.3 * random.nextGaussian() / 365;
            weeklyPhase[p] = random.nextDouble(2 * Math.PI);
            yearlyPhase[p] = random.nextDouble(2 * Math.PI);
            intermittent[p] = random.nextInt(10) == 0;
        }
    }

    String productId(int p) {
        return String.format(java.util.Locale.ROOT, "P%05d", p);
    }

    /** Sales of product {@code p} on day {@code day} (0 = start). */
    long sales(int p, int day) {
        SplittableRandom random = new SplittableRandom(seed ^ ((long) p << 32) ^ (day * 0x9E3779B97F4A7C15L));
        double mean = level[p] * (1 + trend[p] * day)
                * (1 + 0.2 * Math.sin(2 * Math.PI * day / 7.0 + weeklyPhase[p]))
                * (1 + 0.3 * Math.sin(2 * Math.PI * day / 365.25 + yearlyPhase[p]));
        if (intermittent[p] && random.nextInt(3) != 0) {
            return 0;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(Math.max(mean, 0)) * random.nextGaussian()));
    }

    private void row(StringBuilder line, int p, int day) {
        line.append(start.plusDays(day)).append(',').append(productId(p)).append(",C")
                .append(p % CATEGORIES).append(",R").append((p * 7) % REGIONS).append(',').append(sales(p, day))
                .append('\n');
    }

    /**
     * Days [0, days) of every product in files of at most {@code maxRows} rows (whole products per file, so each
     * upload brings complete histories); returns the files in upload order.
     */
    List<Path> history(Path dir, int days, long maxRows) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        int perFile = (int) Math.max(1, maxRows / days);
        for (int from = 0; from < products; from += perFile) {
            Path file = dir.resolve(String.format(java.util.Locale.ROOT, "history-%03d.csv", files.size() + 1));
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                StringBuilder line = new StringBuilder(64);
                for (int p = from; p < Math.min(products, from + perFile); p++) {
                    for (int day = 0; day < days; day++) {
                        line.setLength(0);
                        row(line, p, day);
                        out.append(line);
                    }
                }
            }
            files.add(file);
        }
        return files;
    }

    /** One day of every product: the everyday upload. */
    Path day(Path dir, int day) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("day-" + start.plusDays(day) + ".csv");
        StringBuilder csv = new StringBuilder(HEADER);
        for (int p = 0; p < products; p++) {
            row(csv, p, day);
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
