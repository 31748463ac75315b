package org.stockcast.model.lstm;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.dataset.TestData;

/**
 * Issue 14: does a month of daily incremental fine-tunes ({@link LstmTrainer#fineTune}: the new day's windows, as
 * many replayed older ones, at most 5 epochs, patience 2) keep the LSTM as accurate as a full retrain? On the pharma
 * sales (8 drugs and their total, the last 1,095 days of each as the service trains on), a network trained from
 * scratch on the history up to the month, then (a) fine-tuned once per day of the month, each day's network
 * continuing the previous day's, or (b) trained from scratch on the history up to the month's end; (c) the
 * network of the month's start, never updated, as a reference. Scored on the 28 days after the month: weekly origins,
 * 7 days ahead each, MASE (scale: the history's in-sample seasonal-naive error). Prints Markdown.
 * <p>
 * Run: {@code mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.stockcast.model.lstm.FineTuneAccuracyBenchmark}
 */
public final class FineTuneAccuracyBenchmark {
    private static final int MONTH = 30;
    private static final int SCORED_DAYS = 28;
    private static final int HORIZON = 7;
    private static final int MAX_HISTORY_DAYS = 1095;

    private FineTuneAccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    static void run(PrintStream out) throws Exception {
        Map<String, double[]> series = new LinkedHashMap<>(PharmaSales.read(TestData.pharma()));
        series.put("total", PharmaSales.sum(new ArrayList<>(series.values())));
        int days = series.values().iterator().next().length;
        int monthStart = days - SCORED_DAYS - MONTH;
        LstmConfig config = LstmConfig.defaults();
        LstmConfig daily = config.withEpochs(5).withPatience(2);
        Path dir = Files.createTempDirectory("fine-tune-accuracy");
        Path zip = dir.resolve("lstm.zip");

        long t0 = System.nanoTime();
        LstmTrainingResult start = LstmTrainer.train(upTo(series, monthStart), config, TrainingMode.FULL,
                Optional.empty(), TrainingListener.NONE);
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        start.forecaster().save(zip);
        LstmForecaster incremental = start.forecaster();
        long t1 = System.nanoTime();
        int epochs = 0;
        for (int day = monthStart + 1; day <= monthStart + MONTH; day++) {
            List<double[]> history = upTo(series, day);
            int[] newDay = history.stream().mapToInt(h -> h.length - 1).toArray();
            LstmTrainingResult tuned = LstmTrainer.fineTune(history, new Increment(newDay, 1.0), daily, zip,
                    TrainingListener.NONE).orElseThrow();
            epochs += tuned.epochsRun();
            incremental = tuned.forecaster();
            incremental.save(zip);
        }
        double dailySeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        LstmTrainingResult full = LstmTrainer.train(upTo(series, monthStart + MONTH), config, TrainingMode.FULL,
                Optional.empty(), TrainingListener.NONE);
        double fullSeconds = (System.nanoTime() - t2) / 1e9;

        out.printf(Locale.ROOT, "Pharma sales, %d series; month = days %d..%d of %d; scored on the %d days after it"
                + "%n%n", series.size(), monthStart + 1, monthStart + MONTH, days, SCORED_DAYS);
        out.println("| series | MASE daily fine-tunes | MASE full retrain | daily vs full | MASE month-start network |");
        out.println("|---|---|---|---|---|");
        double[] sums = new double[3];
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double a = mase(incremental, e.getValue(), monthStart + MONTH);
            double b = mase(full.forecaster(), e.getValue(), monthStart + MONTH);
            double c = mase(start.forecaster(), e.getValue(), monthStart + MONTH);
            sums[0] += a;
            sums[1] += b;
            sums[2] += c;
            out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %+.1f %% | %.3f |%n", e.getKey(), a, b, 100 * (a / b - 1), c);
        }
        int n = series.size();
        out.printf(Locale.ROOT, "| **mean** | **%.3f** | **%.3f** | **%+.1f %%** | %.3f |%n%n", sums[0] / n,
                sums[1] / n, 100 * (sums[0] / sums[1] - 1), sums[2] / n);
        out.printf(Locale.ROOT, "Training: month-start network %.1f s (%d epochs); %d daily fine-tunes %.1f s in all "
                        + "(%.2f s each, %d epochs in all); full retrain at the month's end %.1f s (%d epochs); "
                        + "load average %.2f%n", startSeconds, start.epochsRun(), MONTH, dailySeconds,
                dailySeconds / MONTH, epochs, fullSeconds, full.epochsRun(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Every series' days before {@code end}, the last {@link #MAX_HISTORY_DAYS} of them. */
    private static List<double[]> upTo(Map<String, double[]> series, int end) {
        return series.values().stream()
                .map(s -> Arrays.copyOfRange(s, Math.max(0, end - MAX_HISTORY_DAYS), end)).toList();
    }

    /** Mean over weekly origins in the scored days of the 7-day MAE, scaled by the history's seasonal-naive MAE. */
    private static double mase(LstmForecaster lstm, double[] values, int from) {
        double sum = 0;
        int origins = 0;
        for (int origin = from; origin + HORIZON <= from + SCORED_DAYS; origin += HORIZON) {
            double[] history = Arrays.copyOfRange(values, Math.max(0, origin - MAX_HISTORY_DAYS), origin);
            double[] forecast = lstm.forecast(history, HORIZON);
            double error = 0;
            for (int h = 0; h < HORIZON; h++) {
                error += Math.abs(values[origin + h] - forecast[h]);
            }
            double scale = Backtest.naiveScale(history, history.length, 7);
            sum += error / HORIZON / scale;
            origins++;
        }
        return sum / origins;
    }
}
