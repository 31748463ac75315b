package org.stockcast.model.holidays;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.additive.SpecialDay;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.backtest.ForecastErrors;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;

/**
 * Rolling-origin backtest of the additive model on the bike-sharing rentals with and without special days: none,
 * the data's own {@code holiday} column read as an upload's event column ({@link EventColumns}), and Jollyday's US
 * calendar ({@link PublicHolidays}), with and without a one-day window after. Prints Markdown. From the repository
 * root: {@code MAVEN_OPTS=-Xmx512m mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.stockcast.model.holidays.HolidayBenchmark [-Dexec.args=path/to/bike-sharing-day.csv]}
 */
public final class HolidayBenchmark {
    static final int ORIGINS = 20;
    static final int HORIZON = 14;
    static final int STEP = 14;
    static final int SEASON = 7;

    private HolidayBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/real/bike-sharing-day.csv");
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(","));
        int dateColumn = header.indexOf("dateday");
        int holidayColumn = header.indexOf("holiday");
        int countColumn = header.indexOf("cnt");
        SalesTableBuilder rows = SalesTable.builder(lines.size());
        Set<LocalDate> marked = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            LocalDate date = LocalDate.parse(cells[dateColumn]);
            rows.add(date, SalesTable.TOTAL_PRODUCT, Double.parseDouble(cells[countColumn]))
                    .extra("holiday", cells[holidayColumn]);
            if (cells[holidayColumn].equals("1")) {
                marked.add(date);
            }
        }
        SalesTable table = rows.build();
        DailySeries series = table.dailySeries(org.stockcast.model.dataset.SalesFilter.ALL).orElseThrow();
        LocalDate first = series.start();
        LocalDate last = series.end();

        Map<String, List<SpecialDay>> variants = new LinkedHashMap<>();
        variants.put("no special days", List.of());
        variants.put("`holiday` column (event column)", EventColumns.of(table, 0, 0));
        variants.put("Jollyday US calendar", PublicHolidays.between("us", first, last, 0, 0));
        variants.put("Jollyday US calendar, window +1 day", PublicHolidays.between("us", first, last, 0, 1));

        System.out.printf(Locale.ROOT, "bike-sharing-day.csv: %d days %s..%s, %d marked holidays; %d origins "
                + "%d days apart, %d-day horizon, additive model (Prophet defaults)%n%n", series.length(), first, last,
                marked.size(), ORIGINS, STEP, HORIZON);
        System.out.println("| special days | regressors | MASE | sMAPE % | MAE | MAE on holidays in the horizons |");
        System.out.println("|---|---|---|---|---|---|");
        AdditiveConfig base = AdditiveConfig.defaults().withInterval(0.8, 0);
        for (Map.Entry<String, List<SpecialDay>> variant : variants.entrySet()) {
            AdditiveConfig config = base.withSpecialDays(variant.getValue());
            ForecastErrors errors = Backtest.evaluate(series, AdditiveModel.forecaster(config), ORIGINS, HORIZON,
                    STEP, SEASON);
            double holidayMae = holidayMae(series, config, marked);
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.1f | %.0f | %.0f |%n", variant.getKey(),
                    variant.getValue().size(), errors.mase(), errors.smape(), errors.mae(), holidayMae);
        }
    }

    /** Mean absolute error on the marked holidays that fall inside the backtest horizons. */
    private static double holidayMae(DailySeries series, AdditiveConfig config, Set<LocalDate> marked) {
        List<Double> errors = new ArrayList<>();
        for (int length : Backtest.trainingLengths(series.length(), ORIGINS, HORIZON, STEP, SEASON)) {
            double[] forecast = AdditiveModel.fit(series.head(length), config).predict(HORIZON).yhat();
            for (int h = 0; h < HORIZON; h++) {
                if (marked.contains(series.date(length + h))) {
                    errors.add(Math.abs(series.values()[length + h] - forecast[h]));
                }
            }
        }
        return errors.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
