package org.stockcast.model.master;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.dataset.SalesTableBuilder;
import org.stockcast.model.dataset.SalesTableCsv;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.IngestLimits;

/**
 * One new day for every product of a large shop: load + merge + write of the master dataset, single file (the
 * layout before issue 14: the whole table rewritten, temp file + fsync + rename) against monthly partitions.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -pl shared-model test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.stockcast.model.master.MasterWriteBenchmark -Dexec.args="1000 1095 5"
 * </pre>
 * Arguments: products, history days (from 2022-12-16), new days measured (median reported).
 */
public final class MasterWriteBenchmark {
    // The history ends mid-month (2025-12-15 for 1,095 days): a new day lands in a half-full month, as on average.
    private static final String[] CATEGORIES = java.util.stream.IntStream.range(0, 20)
            .mapToObj(c -> "category-" + c).toArray(String[]::new);
    private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
    private static final LocalDate START = LocalDate.of(2022, 12, 16);

    private MasterWriteBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 1095;
        int newDays = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path work = Files.createTempDirectory("master-write-bench");
        System.out.printf(Locale.ROOT, "%d products x %d days, %d new days; %d cores, load average %.2f%n",
                products, days, newDays, Runtime.getRuntime().availableProcessors(), loadAverage());
        SalesTable history = shop(products, 0, days);

        Path single = work.resolve("single").resolve(MasterDataset.FILE_NAME);
        Files.createDirectories(single.getParent());
        writeSingleFile(history, single);
        System.out.printf(Locale.ROOT, "single file: %,d rows, %.1f MB%n", history.size(), Files.size(single) / 1e6);
        double[][] singleRuns = new double[newDays][];
        for (int d = 0; d < newDays; d++) {
            SalesTable day = shop(products, days + d, 1);
            System.gc(); // each day starts from the same heap state, so one layout does not pay the other's garbage
            long t0 = System.nanoTime();
            SalesTable loaded = readSingleFile(single);
            long t1 = System.nanoTime();
            long c1 = cpu();
            SalesTable merged = MasterDataset.merge(loaded, day).merged();
            long t2 = System.nanoTime();
            writeSingleFile(merged, single);
            long t3 = System.nanoTime();
            singleRuns[d] = new double[] {seconds(t0, t1), seconds(t1, t2), seconds(t2, t3), Files.size(single), 0, 0,
                seconds(c1, cpu())};
        }

        MasterDataset master = new MasterDataset(work.resolve("partitioned"));
        long t0 = System.nanoTime();
        MasterWrite first = master.write(history);
        System.out.printf(Locale.ROOT, "partitioned: first write (conversion) %d partitions, %.1f MB, %.2f s%n",
                first.partitionsWritten(), first.bytesWritten() / 1e6, seconds(t0, System.nanoTime()));
        double[][] runs = new double[newDays][];
        double[][] coldRuns = new double[newDays][];
        for (int d = 0; d < newDays; d++) {
            runs[d] = partitionedDay(master, master, shop(products, days + 2 * d, 1));
            // Written by an instance that did not load it: no remembered version, months compared by content hash.
            coldRuns[d] = partitionedDay(master, new MasterDataset(master.dataDir()),
                    shop(products, days + 2 * d + 1, 1));
        }
        System.out.println();
        System.out.println("| layout | load s | merge s | write s | merge + write s | merge + write thread CPU s "
                + "| bytes written | partitions written / kept |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        row("single file (before)", singleRuns, "-");
        row("monthly partitions, loaded version in memory (the service)", runs, partitions(runs));
        row("monthly partitions, fresh instance (content hashes)", coldRuns, partitions(coldRuns));
        System.out.printf(Locale.ROOT, "%nload average at the end: %.2f%n", loadAverage());
        deleteTree(work);
    }

    /** load, merge, write for one new day: {load s, merge s, write s, bytes written, partitions written, kept}. */
    private static double[] partitionedDay(MasterDataset reader, MasterDataset master, SalesTable day)
            throws IOException {
        System.gc();
        long t0 = System.nanoTime();
        SalesTable loaded = reader.load();
        long t1 = System.nanoTime();
        long c1 = cpu();
        SalesTable merged = MasterDataset.merge(loaded, day).merged();
        long t2 = System.nanoTime();
        MasterWrite write = master.write(merged);
        long t3 = System.nanoTime();
        long indexBytes = Files.size(master.indexFile());
        return new double[] {seconds(t0, t1), seconds(t1, t2), seconds(t2, t3), write.bytesWritten() + indexBytes,
            write.partitionsWritten(), write.partitionsKept(), seconds(c1, cpu())};
    }

    private static void row(String layout, double[][] runs, String partitions) {
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %,.0f | %s |%n", layout,
                median(runs, r -> r[0]), median(runs, r -> r[1]), median(runs, r -> r[2]),
                median(runs, r -> r[1] + r[2]), median(runs, r -> r[6]), median(runs, r -> r[3]), partitions);
    }

    private static String partitions(double[][] runs) {
        return String.format(Locale.ROOT, "%.0f / %.0f", median(runs, r -> r[4]), median(runs, r -> r[5]));
    }

    private static double median(double[][] runs, ToDoubleFunction<double[]> value) {
        double[] values = Arrays.stream(runs).mapToDouble(value).sorted().toArray();
        return values[values.length / 2];
    }

    /** Deterministic sales of {@code products} products on {@code count} days from day {@code first}. */
    private static SalesTable shop(int products, int first, int count) {
        SalesTableBuilder builder = SalesTable.builder(products * count);
        String[] ids = new String[products];
        Arrays.setAll(ids, p -> String.format(Locale.ROOT, "P%05d", p));
        for (int d = first; d < first + count; d++) {
            LocalDate date = START.plusDays(d);
            for (int p = 0; p < products; p++) {
                SplittableRandom random = new SplittableRandom(((long) p << 32) ^ d);
                double level = 5 + p % 50;
                builder.add(date, ids[p], Math.floor(level * random.nextDouble(2)),
                        CATEGORIES[p % CATEGORIES.length], REGIONS[p % REGIONS.length], Double.NaN, Double.NaN,
                        Double.NaN);
            }
        }
        return builder.build();
    }

    /** The write before issue 14: the whole table to a temp file, fsync, rename over master.csv. */
    private static void writeSingleFile(SalesTable table, Path file) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
            SalesTableCsv.write(table, out);
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.syncDirectory(file.getParent());
    }

    private static SalesTable readSingleFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvIngest.read(in, file.toString(), IngestLimits.TRUSTED_FILE);
        }
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
