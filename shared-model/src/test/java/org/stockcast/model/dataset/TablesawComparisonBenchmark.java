package org.stockcast.model.dataset;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.stockcast.model.master.MasterDataset;
import tech.tablesaw.api.Table;

/**
 * Tablesaw vs the columnar {@link SalesTable} (issue 13, BENCHMARKS.md "Tablesaw vs the columnar store"): live heap
 * of IngestBenchmark's 1M-row master (plus an extra text column), merge of 10k / 100k / 1M-row uploads into it
 * (half replacing rows, half new, with another extra column) and the daily series of IngestBenchmark's filters.
 * Both sides get the same in-memory rows; CSV parsing is left out (CsvIngest validates, which Tablesaw does not).
 *
 * <p>Not through exec:java: deeplearning4j-nn puts fastutil 6.5.7 on shared-model's classpath and Tablesaw needs
 * 8.x (with 6.5.7 its selections fail with AbstractMethodError), so fastutil 8.5.13 goes first on a plain java
 * class path. ParallelGC with a fixed heap: under G1 both sides' 1M-element column arrays are humongous objects
 * and their allocation-triggered collections dominated the runs. From the repository root:
 * <pre>
 * mvn -q dependency:get -Dartifact=it.unimi.dsi:fastutil:8.5.13
 * mvn -q -pl shared-model test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/bench.classpath
 * java -XX:+UseParallelGC -Xms3g -Xmx3g -cp ~/.m2/repository/it/unimi/dsi/fastutil/8.5.13/fastutil-8.5.13.jar\
 * :shared-model/target/test-classes:shared-model/target/classes:$(cat shared-model/target/bench.classpath) \
 *     org.stockcast.model.dataset.TablesawComparisonBenchmark
 * </pre>
 */
public final class TablesawComparisonBenchmark {
    private static final SalesFilter[] FILTERS = {SalesFilter.ALL, SalesFilter.product("P0042"),
        SalesFilter.category("C"), new SalesFilter(null, "A", "North", 3.0, 250.0, 5.0)};

    private final PrintStream out;
    private final int warmUps;
    private final int runs;

    private TablesawComparisonBenchmark(PrintStream out, int warmUps, int runs) {
        this.out = out;
        this.warmUps = warmUps;
        this.runs = runs;
    }

    /** Optional arguments: warm-up runs and measured runs per merge size (default 1 and 3). */
    public static void main(String[] args) throws IOException {
        int warmUps = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        new TablesawComparisonBenchmark(System.out, warmUps, runs).run();
    }

    private void run() {
        out.printf(Locale.ROOT, "java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long before = IngestBenchmark.usedAfterGc();
        SalesTable master = IngestBenchmark.table(0, IngestBenchmark.MASTER_DAYS, 1, "promo");
        long storeBytes = IngestBenchmark.usedAfterGc() - before;
        before = IngestBenchmark.usedAfterGc();
        Table tsMaster = TablesawSales.of(master);
        long tablesawBytes = IngestBenchmark.usedAfterGc() - before;
        out.printf(Locale.ROOT, "master %,d rows: live heap columnar store %.0f MB (%.0f B/row), Tablesaw %.0f MB "
                        + "(%.0f B/row)%n", master.size(), storeBytes / 1e6, (double) storeBytes / master.size(),
                tablesawBytes / 1e6, (double) tablesawBytes / master.size());

        out.println();
        out.println("| upload rows | store merge s (median) | Tablesaw merge s (median) | ratio | store peak extra heap MB "
                + "| Tablesaw peak extra heap MB | merged rows (both) |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int rows : new int[] {10_000, 100_000, 1_000_000}) {
            int[] plan = {warmUps, runs};
            int days = rows / IngestBenchmark.PRODUCTS;
            SalesTable upload = IngestBenchmark.table(IngestBenchmark.MASTER_DAYS - days / 2, days, 2, "note");
            Table tsUpload = TablesawSales.of(upload);
            Timing store = time(plan, () -> MasterDataset.merge(master, upload).merged().size());
            Timing tablesaw = time(plan, () -> TablesawSales.merge(tsMaster, tsUpload).rowCount());
            if (store.result != tablesaw.result) {
                throw new IllegalStateException("merged sizes differ: " + store.result + " vs " + tablesaw.result);
            }
            out.printf(Locale.ROOT, "| %,d | %.3f | %.3f | %.1fx | %d | %d | %,d |%n", rows, store.median,
                    tablesaw.median, tablesaw.median / store.median, store.peak >> 20, tablesaw.peak >> 20,
                    store.result);
        }

        out.println();
        out.println("| daily series filter | store ms (median) | Tablesaw ms (median) | ratio |");
        out.println("|---|---:|---:|---:|");
        for (SalesFilter filter : FILTERS) {
            double[] expected = master.dailySeries(filter).orElseThrow().values();
            double[] actual = TablesawSales.dailySeries(tsMaster, filter).orElseThrow().values();
            if (!Arrays.equals(expected, actual)) {
                throw new IllegalStateException("daily series differ for " + filter.describe());
            }
            int[] plan = {Math.max(warmUps, 2), Math.max(runs, 5)};
            Timing store = time(plan, () -> master.dailySeries(filter).orElseThrow().values().length);
            Timing tablesaw = time(plan, () -> TablesawSales.dailySeries(tsMaster, filter).orElseThrow()
                    .values().length);
            out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1fx |%n", filter.describe(), store.median * 1e3,
                    tablesaw.median * 1e3, tablesaw.median / store.median);
        }
    }

    /**
     * Median wall time of {@code plan[1]} runs after {@code plan[0]} warm-ups, and the peak heap those runs used
     * above what was live before them (pool peaks summed: an upper bound).
     */
    private static Timing time(int[] plan, Supplier<Integer> task) {
        for (int i = 0; i < plan[0]; i++) {
            task.get();
        }
        double[] seconds = new double[plan[1]];
        long peak = 0;
        int result = 0;
        for (int i = 0; i < plan[1]; i++) {
            long live = IngestBenchmark.usedAfterGc();
            IngestBenchmark.resetPeaks();
            long start = System.nanoTime();
            result = task.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            peak = Math.max(peak, IngestBenchmark.peakHeap() - live);
        }
        Arrays.sort(seconds);
        return new Timing(seconds[seconds.length / 2], peak, result);
    }

    private record Timing(double median, long peak, int result) {
    }
}
