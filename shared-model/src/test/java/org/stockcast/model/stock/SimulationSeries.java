package org.stockcast.model.stock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.stockcast.model.dataset.DailySeries;

/**
 * The inventory simulation's series, read from the shared data directory: the 8 pharma drug groups (wide file, blank
 * cells missing), bike-sharing rentals (`cnt`), the last four years of a few seed products (days without a row are
 * 0), and intermittent series derived from pharma: N02BE and R03 with each day kept with probability 0.1 (seeded),
 * M01AB counted in whole packs of 10.
 */
final class SimulationSeries {
    static final List<String> SEED_PRODUCTS = List.of("P001", "P002", "P003", "P004");
    static final int SEED_DAYS = 4 * 365;

    private SimulationSeries() {
    }

    static Map<String, DailySeries> all(Path data) throws IOException {
        Map<String, DailySeries> pharma = pharma(data.resolve("real/pharma-salesdaily.csv"));
        Map<String, DailySeries> out = new LinkedHashMap<>(pharma);
        out.put("bike cnt", bike(data.resolve("real/bike-sharing-day.csv")));
        out.putAll(seed(data.resolve("seed/large_dataset.csv")));
        out.put("pharma N02BE kept 1/10", kept(pharma.get("pharma N02BE"), 0.1, 1));
        out.put("pharma R03 kept 1/10", kept(pharma.get("pharma R03"), 0.1, 2));
        DailySeries m01ab = pharma.get("pharma M01AB");
        out.put("pharma M01AB packs of 10", new DailySeries(m01ab.start(),
                Arrays.stream(m01ab.values()).map(v -> Math.floor(v / 10)).toArray()));
        return out;
    }

    /**
     * One series per upload-format file (columns {@code date} and {@code sales} by header name, one product): a day
     * without a row is 0 sales, an empty or NA cell missing, as the service reads it. For series not in the repository.
     */
    static Map<String, DailySeries> files(List<Path> files) throws IOException {
        Map<String, DailySeries> out = new LinkedHashMap<>();
        for (Path file : files) {
            List<String[]> rows = Files.readAllLines(file).stream().map(line -> line.split(",", -1)).toList();
            List<String> header = Arrays.asList(rows.get(0));
            int date = header.indexOf("date");
            int sales = header.indexOf("sales");
            TreeMap<LocalDate, Double> byDay = new TreeMap<>();
            for (String[] row : rows.subList(1, rows.size())) {
                String cell = row[sales].trim();
                byDay.merge(LocalDate.parse(row[date].trim()),
                        cell.isEmpty() || cell.equals("NA") ? Double.NaN : Double.parseDouble(cell), Double::sum);
            }
            LocalDate start = byDay.firstKey();
            double[] values = new double[(int) (byDay.lastKey().toEpochDay() - start.toEpochDay()) + 1];
            byDay.forEach((day, v) -> values[(int) (day.toEpochDay() - start.toEpochDay())] = v);
            out.put(file.getFileName().toString().replaceFirst("\\.csv$", ""), new DailySeries(start, values));
        }
        return out;
    }

    private static Map<String, DailySeries> pharma(Path file) throws IOException {
        List<String[]> rows = Files.readAllLines(file).stream().map(line -> line.split(",", -1)).toList();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("M/d/yyyy");
        LocalDate start = LocalDate.parse(rows.get(1)[0], format);
        Map<String, DailySeries> out = new LinkedHashMap<>();
        for (int column = 1; column <= 8; column++) {
            double[] values = new double[rows.size() - 1];
            for (int r = 1; r < rows.size(); r++) {
                String cell = rows.get(r)[column];
                values[r - 1] = cell.isBlank() ? Double.NaN : Double.parseDouble(cell);
            }
            out.put("pharma " + rows.get(0)[column], new DailySeries(start, values));
        }
        return out;
    }

    private static DailySeries bike(Path file) throws IOException {
        List<String[]> rows = Files.readAllLines(file).stream().skip(1).map(line -> line.split(",")).toList();
        return new DailySeries(LocalDate.parse(rows.get(0)[1]),
                rows.stream().mapToDouble(cells -> Double.parseDouble(cells[cells.length - 1])).toArray());
    }

    private static Map<String, DailySeries> seed(Path file) throws IOException {
        Map<String, TreeMap<LocalDate, Double>> byProduct = new TreeMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (SEED_PRODUCTS.contains(cells[1].trim())) {
                try {
                    byProduct.computeIfAbsent(cells[1].trim(), k -> new TreeMap<>())
                            .merge(LocalDate.parse(cells[0].trim()), Double.parseDouble(cells[2].trim()), Double::sum);
                } catch (RuntimeException messy) {
                    // the file has deliberately broken rows: the ingest layer's business, not the simulation's
                }
            }
        }
        Map<String, DailySeries> out = new LinkedHashMap<>();
        byProduct.forEach((product, sales) -> {
            LocalDate start = sales.lastKey().minusDays(SEED_DAYS - 1L);
            double[] values = new double[SEED_DAYS];
            sales.tailMap(start).forEach((date, v) -> values[(int) (date.toEpochDay() - start.toEpochDay())] = v);
            out.put("seed " + product, new DailySeries(start, values));
        });
        return out;
    }

    private static DailySeries kept(DailySeries series, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new DailySeries(series.start(), Arrays.stream(series.values())
                .map(v -> random.nextDouble() < share ? v : 0).toArray());
    }
}
