package org.stockcast.model.lstm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal reader for the wide pharma file (datum,M01AB,...,R06,Year,...; dates M/d/yyyy); missing days are 0. */
final class PharmaSales {
    static final Path FILE = Path.of("/work/shared/data/real/pharma-salesdaily.csv");
    static final List<String> DRUGS = List.of("M01AB", "M01AE", "N02BA", "N02BE", "N05B", "N05C", "R03", "R06");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

    private PharmaSales() {
    }

    /** Drug column -> daily series from the first to the last date in the file. */
    static Map<String, double[]> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        LocalDate first = null;
        LocalDate last = null;
        for (String line : lines.subList(1, lines.size())) {
            LocalDate date = LocalDate.parse(line.substring(0, line.indexOf(',')), DATE);
            first = first == null || date.isBefore(first) ? date : first;
            last = last == null || date.isAfter(last) ? date : last;
        }
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        Map<String, double[]> series = new LinkedHashMap<>();
        for (String drug : DRUGS) {
            series.put(drug, new double[days]);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            int day = (int) ChronoUnit.DAYS.between(first, LocalDate.parse(cells[0], DATE));
            for (String drug : DRUGS) {
                String cell = cells[header.indexOf(drug)];
                series.get(drug)[day] += cell.isBlank() ? 0 : Math.max(0, Double.parseDouble(cell));
            }
        }
        return series;
    }

    static double[] sum(List<double[]> parts) {
        double[] total = new double[parts.get(0).length];
        for (double[] part : parts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }
}
