package org.stockcast.model.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.model.master.MasterDataset;

/**
 * Ingest + validate + merge throughput and peak heap for 10k, 100k and 1M-row uploads into a 1M-row master
 * (issue #2, BENCHMARKS.md). Uploads are real CSV files on disk, read through CsvIngest with the default upload
 * limits (50 MB); half of every upload replaces existing (date, product) rows, half adds new ones.
 *
 * <p>Run from the repository root with a fixed heap:
 * {@code MAVEN_OPTS="-Xmx1g" mvn -q -pl shared-model test-compile exec:java
 * -Dexec.mainClass=org.stockcast.model.dataset.IngestBenchmark -Dexec.classpathScope=test}
 * (optional {@code -Dexec.args="<work dir> [sizes]"}, default bench-work/ingest and all sizes; sizes e.g.
 * {@code 1000000} to check that the largest upload fits a smaller heap).
 */
public final class IngestBenchmark {
    static final int PRODUCTS = 1_000;
    static final int MASTER_DAYS = 1_000; // 1,000 products x 1,000 days = 1M master rows
    private static final LocalDate MASTER_START = LocalDate.of(2023, 1, 1);
    private static final String[] CATEGORIES = {"A", "B", "C", "D", "E"};
    private static final String[] REGIONS = {"North", "South", "East", "West"};
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path work = args.length > 0 ? Path.of(args[0]) : TestData.repositoryRoot().resolve("bench-work/ingest");
        Files.createDirectories(work);
        System.out.printf(Locale.ROOT, "java %s, %d cores available, max heap %d MB, load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, OS.getSystemLoadAverage());

        long beforeMaster = usedAfterGc();
        SalesTable master = table(0, MASTER_DAYS, 1);
        long masterBytes = usedAfterGc() - beforeMaster;
        System.out.printf(Locale.ROOT, "master: %,d rows, %.0f MB live heap (%.0f bytes/row)%n", master.size(),
                masterBytes / 1e6, (double) masterBytes / master.size());

        MasterDataset masterFiles = new MasterDataset(work.resolve("data"));
        long t0 = System.nanoTime();
        masterFiles.write(master);
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        SalesTable reloaded = masterFiles.load();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "master (monthly partitions): %.1f MB, atomic write %.2f s, load %.2f s "
                + "(%,.0f rows/s)%n", directoryBytes(masterFiles.partitionDir()) / 1e6, writeSeconds, loadSeconds,
                reloaded.size() / loadSeconds);
        reloaded = null;
        seriesTimings(master);

        System.out.println();
        System.out.println("| upload rows | file MB | runs | ingest+validate s | merge s | total s (median) "
                + "| rows/s (median) | rows/s (best) | rows per thread CPU-s | rows per process CPU-s | added | updated "
                + "| peak heap MB "
                + "| live after MB |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int[][] plans = {{10_000, 30, 15}, {100_000, 5, 7}, {1_000_000, 1, 5}}; // rows, warm-up runs, measured runs
        List<String> only = args.length > 1 ? List.of(args[1].split(",")) : List.of();
        for (int[] plan : plans) {
            if (!only.isEmpty() && !only.contains(Integer.toString(plan[0]))) {
                continue;
            }
            int rows = plan[0];
            Path upload = work.resolve("upload-" + rows + ".csv");
            writeUpload(upload, rows);
            for (int i = 0; i < plan[1]; i++) {
                run(upload, master);
            }
            double[] seconds = new double[plan[2]];
            double[] ingestSeconds = new double[plan[2]];
            double[] cpuSeconds = new double[plan[2]];
            double[] threadSeconds = new double[plan[2]];
            double[] mergeSeconds = new double[plan[2]];
            long peak = 0;
            MergeResult last = null;
            for (int i = 0; i < plan[2]; i++) {
                usedAfterGc();
                resetPeaks();
                long start = System.nanoTime();
                long cpuStart = OS.getProcessCpuTime();
                long threadStart = THREAD.getCurrentThreadCpuTime();
                last = run(upload, master);
                seconds[i] = (System.nanoTime() - start) / 1e9;
                cpuSeconds[i] = (OS.getProcessCpuTime() - cpuStart) / 1e9;
                threadSeconds[i] = (THREAD.getCurrentThreadCpuTime() - threadStart) / 1e9;
                ingestSeconds[i] = lastIngestSeconds;
                mergeSeconds[i] = lastMergeSeconds;
                peak = Math.max(peak, peakHeap());
            }
            long live = usedAfterGc();
            Arrays.sort(seconds);
            Arrays.sort(ingestSeconds);
            Arrays.sort(mergeSeconds);
            Arrays.sort(cpuSeconds);
            Arrays.sort(threadSeconds);
            double median = seconds[seconds.length / 2];
            System.out.printf(Locale.ROOT,
                    "| %,d | %.1f | %d | %.3f | %.3f | %.3f | %,.0f | %,.0f | %,.0f | %,.0f | %,d | %,d | %d | %d |%n",
                    rows, Files.size(upload) / 1e6, seconds.length, ingestSeconds[seconds.length / 2],
                    mergeSeconds[seconds.length / 2], median, rows / median, rows / seconds[0],
                    rows / threadSeconds[seconds.length / 2], rows / cpuSeconds[seconds.length / 2],
                    last.rowsAdded(), last.rowsUpdated(), peak >> 20, live >> 20);
            last = null;
            Files.delete(upload);
        }
        try (var files = Files.list(masterFiles.partitionDir())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        System.out.printf(Locale.ROOT, "%nload average at the end: %.1f (other processes share the %d cores)%n",
                OS.getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    private static long directoryBytes(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    /** Seconds spent in ingest+validate and in merge by the last {@link #run} calls (for the breakdown). */
    private static double lastIngestSeconds;
    private static double lastMergeSeconds;

    /** dailySeries over the 1M-row master: forecast-service calls it for on-demand filters. */
    private static void seriesTimings(SalesTable master) {
        SalesFilter[] filters = {SalesFilter.ALL, SalesFilter.product("P0042"), SalesFilter.category("C"),
            new SalesFilter(null, "A", "North", 3.0, 250.0, 5.0)};
        for (SalesFilter filter : filters) {
            double[] micros = new double[21];
            for (int warm = 0; warm < 20; warm++) {
                master.dailySeries(filter);
            }
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                master.dailySeries(filter).orElseThrow();
                micros[i] = (System.nanoTime() - start) / 1e3;
            }
            Arrays.sort(micros);
            System.out.printf(Locale.ROOT, "dailySeries(%s) on %,d rows: median %.1f ms%n", filter.describe(),
                    master.size(), micros[micros.length / 2] / 1e3);
        }
    }

    private static MergeResult run(Path upload, SalesTable master) throws IOException {
        long start = System.nanoTime();
        SalesTable table;
        try (InputStream in = Files.newInputStream(upload)) {
            table = CsvIngest.read(in, upload.getFileName().toString(), IngestLimits.DEFAULTS);
        }
        long parsed = System.nanoTime();
        MergeResult result = MasterDataset.merge(master, table);
        lastIngestSeconds = (parsed - start) / 1e9;
        lastMergeSeconds = (System.nanoTime() - parsed) / 1e9;
        return result;
    }

    /** An upload of {@code rows} rows: all products over the last days of the master and as many days after it. */
    private static void writeUpload(Path file, int rows) throws IOException {
        int days = rows / PRODUCTS;
        SalesTable upload = table(MASTER_DAYS - days / 2, days, 2);
        try (OutputStream out = Files.newOutputStream(file)) {
            SalesTableCsv.write(upload, out);
        }
    }

    private static SalesTable table(int firstDay, int days, long seed) {
        return table(firstDay, days, seed, null);
    }

    /** The benchmark's rows; with an {@code extraColumn}, every tenth row has a text value in it. */
    static SalesTable table(int firstDay, int days, long seed, String extraColumn) {
        SplittableRandom random = new SplittableRandom(seed);
        SalesTableBuilder builder = SalesTable.builder(days * PRODUCTS);
        String[] products = new String[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            products[p] = String.format(Locale.ROOT, "P%04d", p);
        }
        for (int d = firstDay; d < firstDay + days; d++) {
            LocalDate date = MASTER_START.plusDays(d);
            for (int p = 0; p < PRODUCTS; p++) {
                builder.add(date, products[p], random.nextInt(0, 500), CATEGORIES[p % CATEGORIES.length],
                        REGIONS[p % REGIONS.length], Math.round(random.nextDouble(1, 500) * 100) / 100.0,
                        random.nextInt(0, 4) * 5, Math.round(random.nextDouble(1, 5) * 10) / 10.0);
                if (extraColumn != null && (d + p) % 10 == 0) {
                    builder.extra(extraColumn, extraColumn + "-" + (d % 7));
                }
            }
        }
        return builder.build();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools.add(pool);
            }
        }
        return pools;
    }

    static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any one moment. */
    static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
