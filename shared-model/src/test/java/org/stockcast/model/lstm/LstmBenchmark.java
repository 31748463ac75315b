package org.stockcast.model.lstm;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * LSTM training and prediction benchmark on the real pharma data. Each scenario runs in its own JVM (so peak RSS
 * and OMP_NUM_THREADS are per scenario); this process only prints the table.
 * <pre>
 * mvn -q -pl shared-model test-compile exec:java -Dexec.mainClass=org.stockcast.model.lstm.LstmBenchmark \
 *     [-Dexec.args="epochs finetune predict"]
 * </pre>
 * Inputs: "small" = the daily total of the 8 drugs, last 1,222 days: 1,091 training + 121 validation windows.
 * "large" = the 8 drugs, the total and the 3 ATC groups (M01, N02, N05): 12 series x 2,096 windows, capped to
 * 22,211 windows: 19,990 training + 2,221 validation windows. Keras anchors: 0.18 s/epoch (1,090), 2.9 s (19,990).
 */
public final class LstmBenchmark {
    /** Child JVM memory flags: the test JVMs' by default; {@code -Dlstm.bench.jvm="-Xmx512m ..."} to compare. */
    private static final String JVM_FLAGS = System.getProperty("lstm.bench.jvm",
            "-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3G -Dorg.bytedeco.javacpp.maxphysicalbytes=6G");

    private LstmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("one")) {
            // e.g. one 1 epochs small relu 32 ENABLED iterator 3  (OMP threads, then the child's arguments;
            // an optional last argument of "epochs" is LstmConfig.trainingThreads, default 1)
            runChild(args[1], Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        List<String> parts = args.length == 0 ? List.of("epochs", "finetune", "predict") : List.of(args);
        System.out.println("# LSTM benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, child JVM flags: "
                + JVM_FLAGS + ", load at start: " + loadAverage());
        if (parts.contains("epochs")) {
            System.out.println("\n| input | variant | OMP threads | train windows | epoch 1 wall s | wall s/epoch (median, epochs 2+) | process CPU s/epoch (median, epochs 2+) | peak RSS MB | load avg (1 min) before/after |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            String[][] scenarios = {
                    {"small", "relu", "32", "ENABLED", "batches", "1", "3"},
                    {"small", "relu", "32", "ENABLED", "iterator", "1", "3"},
                    {"small", "relu", "32", "ENABLED", "views", "1", "3"},
                    {"small", "tanh", "32", "ENABLED", "batches", "1", "3"},
                    {"small", "relu", "32", "NONE", "batches", "1", "3"},
                    {"small", "relu", "64", "ENABLED", "batches", "1", "3"},
                    {"small", "relu", "128", "ENABLED", "batches", "1", "3"},
                    {"small", "relu", "256", "ENABLED", "batches", "1", "3"},
                    {"small", "relu", "32", "ENABLED", "batches", "2", "3"},
                    {"large", "relu", "32", "ENABLED", "batches", "1", "2"},
                    {"large", "tanh", "32", "ENABLED", "batches", "1", "2"},
                    {"large", "relu", "128", "ENABLED", "batches", "1", "2"},
            };
            for (String[] s : scenarios) {
                runChild(s[5], "epochs", s[0], s[1], s[2], s[3], s[4], s[6]);
            }
        }
        if (parts.contains("finetune")) {
            System.out.println("\n| input | start | epoch 1 train loss (standardised) | epoch 1 val MSE (ratio units) | epochs to target | wall / CPU s to target | epochs run (early stop) | best val MSE (ratio units) | total wall / CPU s | peak RSS MB | load avg |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            runChild("1", "finetune", "small", "32", "50");
            runChild("1", "finetune", "large", "128", "15");
        }
        if (parts.contains("predict")) {
            System.out.println("\n| method | days | p50 ms wall / thread CPU | p99 ms wall / CPU | mean ms wall / CPU | load avg before/after |");
            System.out.println("|---|---|---|---|---|---|");
            runChild("1", "predict");
        }
        System.out.println("\nload at end: " + loadAverage());
    }

    private static void runChild(String ompThreads, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(JVM_FLAGS.trim().split("\\s+")));
        command.addAll(List.of("-Dlogback.configurationFile=" + resource("lstm/logback-benchmark.xml"),
                "-cp", classpath(), LstmBenchmark.class.getName(), "--child"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("OMP_NUM_THREADS", ompThreads);
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("|")) {
                    System.out.println(line.replace("{omp}", ompThreads));
                }
            }
        }
        if (process.waitFor() != 0) {
            System.out.println("| scenario " + String.join(" ", args) + " failed with exit code " + process.exitValue() + " |");
        }
    }

    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(LstmBenchmark::toFile).collect(Collectors.joining(File.pathSeparator));
        }
        return System.getProperty("java.class.path");
    }

    private static String toFile(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException(url.toString(), e);
        }
    }

    private static String resource(String name) {
        return toFile(LstmBenchmark.class.getClassLoader().getResource(name));
    }

    // ---------------------------------------------------------------- child scenarios

    private static void child(String[] args) throws Exception {
        switch (args[0]) {
            case "epochs" -> epochs(args[1], LstmConfig.Activation.valueOf(args[2].toUpperCase()),
                    Integer.parseInt(args[3]), WorkspaceMode.valueOf(args[4]), args[5],
                    Integer.parseInt(args[6]), args.length > 7 ? Integer.parseInt(args[7]) : 1);
            case "finetune" -> fineTune(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "predict" -> predict();
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    record Input(List<double[]> series, int cap) {
    }

    static Input input(String size) throws IOException {
        Map<String, double[]> drugs = PharmaSales.read(PharmaSales.FILE);
        double[] total = PharmaSales.sum(new ArrayList<>(drugs.values()));
        if (size.equals("small")) {
            return new Input(List.of(Arrays.copyOfRange(total, total.length - 1_222, total.length)), 1_212);
        }
        List<double[]> series = new ArrayList<>(drugs.values());
        series.add(total);
        series.add(PharmaSales.sum(List.of(drugs.get("M01AB"), drugs.get("M01AE"))));
        series.add(PharmaSales.sum(List.of(drugs.get("N02BA"), drugs.get("N02BE"))));
        series.add(PharmaSales.sum(List.of(drugs.get("N05B"), drugs.get("N05C"))));
        return new Input(series, 22_211);
    }

    static LstmConfig config(LstmConfig.Activation activation, int batch, int epochs, int patience, int cap) {
        return new LstmConfig(10, 50, 2, 0.2, activation, 0.001, batch, epochs, patience, 0.1, 42L, cap);
    }

    private static void epochs(String size, LstmConfig.Activation activation, int batch, WorkspaceMode workspaces,
                               String loop, int epochs, int threads) throws IOException {
        String loadBefore = loadAverage();
        Input input = input(size);
        LstmConfig config = config(activation, batch, epochs, epochs + 1, input.cap()).withTrainingThreads(threads);
        TrainingWindows windows = TrainingWindows.build(input.series(), config, Optional.empty());
        List<Long> marks = new ArrayList<>();
        List<Long> cpuMarks = new ArrayList<>();
        marks.add(System.nanoTime());
        cpuMarks.add(processCpuNanos());
        // DL4J's memory modes are compared here only: the service always runs with workspaces ENABLED
        MultiLayerNetwork network = new MultiLayerNetwork(LstmNetworks.configuration(config, workspaces));
        network.init();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void message(String text) {
            }

            @Override
            public void epoch(EpochProgress progress) {
                marks.add(System.nanoTime());
                cpuMarks.add(processCpuNanos());
                System.err.printf("  epoch %d: train loss %.4f, val loss %.4f%n", progress.epoch(), progress.loss(),
                        progress.valLoss());
            }
        };
        switch (loop) {
            case "iterator" -> iteratorEpochs(network, windows, config, listener);
            case "views" -> viewEpochs(network, windows, config, listener);
            case "dl4j" -> dl4jEpochs(network, windows, config, listener);
            default -> new LstmTrainer.EarlyStopping(config, listener).run(network, windows);
        }
        double[] seconds = new double[marks.size() - 1];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = (marks.get(i + 1) - marks.get(i)) / 1e9;
        }
        double[] later = Arrays.copyOfRange(seconds, 1, seconds.length);
        Arrays.sort(later);
        double[] cpuLater = new double[marks.size() - 2];
        for (int i = 0; i < cpuLater.length; i++) {
            cpuLater[i] = (cpuMarks.get(i + 2) - cpuMarks.get(i + 1)) / 1e9;
        }
        Arrays.sort(cpuLater);
        String variant = activation.name().toLowerCase() + ", batch " + batch + ", workspaces " + workspaces
                + switch (loop) {
                    case "iterator" -> ", DataSet.batchBy + ListDataSetIterator";
                    case "views" -> ", views of one epoch tensor";
                    case "dl4j" -> ", DL4J fit on a DataSet per minibatch (production until JavaLstmTraining)";
                    default -> ", production: plain-Java training step (JavaLstmTraining), " + threads
                            + " training thread" + (threads == 1 ? "" : "s");
                };
        System.out.printf("| %s | %s | {omp} | %d | %.2f | %.2f | %.2f | %d | %s / %s |%n", size, variant,
                windows.train().count(), seconds[0], later[later.length / 2], cpuLater[cpuLater.length / 2],
                peakRssMb(), loadBefore, loadAverage());
    }

    /** The DL4J production loop before JavaLstmTraining: shuffled windows, network.fit on a DataSet per minibatch. */
    private static void dl4jEpochs(MultiLayerNetwork network, TrainingWindows windows, LstmConfig config,
                                   TrainingListener listener) {
        TrainingWindows.Windows train = windows.train();
        TrainingWindows.Windows val = windows.validation();
        DataSet validation = new DataSet(Nd4j.create(val.inputs(), new long[]{val.count(), 1, val.window()}, 'c'),
                Nd4j.create(val.targets(), new long[]{val.count(), 1}, 'c'));
        int n = train.count();
        int window = train.window();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Random random = new java.util.Random(config.seed());
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            double weightedLoss = 0;
            for (int from = 0; from < n; from += config.batchSize()) {
                int size = Math.min(config.batchSize(), n - from);
                float[] inputs = new float[size * window];
                float[] targets = new float[size];
                for (int i = 0; i < size; i++) {
                    System.arraycopy(train.inputs(), order[from + i] * window, inputs, i * window, window);
                    targets[i] = train.targets()[order[from + i]];
                }
                network.fit(new DataSet(Nd4j.create(inputs, new long[]{size, 1, window}, 'c'),
                        Nd4j.create(targets, new long[]{size, 1}, 'c')));
                weightedLoss += network.score() * size;
            }
            listener.epoch(new EpochProgress(epoch, config.epochs(), weightedLoss / n,
                    network.score(validation, false)));
        }
    }

    /** The first production loop, for comparison: one shuffled tensor per epoch, minibatches as views of it. */
    private static void viewEpochs(MultiLayerNetwork network, TrainingWindows windows, LstmConfig config,
                                   TrainingListener listener) {
        TrainingWindows.Windows train = windows.train();
        TrainingWindows.Windows val = windows.validation();
        DataSet validation = new DataSet(Nd4j.create(val.inputs(), new long[]{val.count(), 1, val.window()}, 'c'),
                Nd4j.create(val.targets(), new long[]{val.count(), 1}, 'c'));
        int n = train.count();
        int window = train.window();
        java.util.Random random = new java.util.Random(config.seed());
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            float[] inputs = new float[n * window];
            float[] targets = new float[n];
            for (int i = 0; i < n; i++) {
                int row = random.nextInt(n);
                System.arraycopy(train.inputs(), row * window, inputs, i * window, window);
                targets[i] = train.targets()[row];
            }
            INDArray features = Nd4j.create(inputs, new long[]{n, 1, window}, 'c');
            INDArray labels = Nd4j.create(targets, new long[]{n, 1}, 'c');
            for (int from = 0; from < n; from += config.batchSize()) {
                int to = Math.min(n, from + config.batchSize());
                network.fit(features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()),
                        labels.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                                org.nd4j.linalg.indexing.NDArrayIndex.all()));
            }
            listener.epoch(new EpochProgress(epoch, config.epochs(), network.score(), network.score(validation, false)));
        }
    }

    /** The DL4J-idiomatic path, for comparison: DataSet.batchBy + ListDataSetIterator, fit(iterator). */
    private static void iteratorEpochs(MultiLayerNetwork network, TrainingWindows windows, LstmConfig config,
                                       TrainingListener listener) {
        TrainingWindows.Windows train = windows.train();
        DataSet all = new DataSet(Nd4j.create(train.inputs(), new long[]{train.count(), 1, train.window()}, 'c'),
                Nd4j.create(train.targets(), new long[]{train.count(), 1}, 'c'));
        TrainingWindows.Windows val = windows.validation();
        DataSet validation = new DataSet(Nd4j.create(val.inputs(), new long[]{val.count(), 1, val.window()}, 'c'),
                Nd4j.create(val.targets(), new long[]{val.count(), 1}, 'c'));
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            all.shuffle(config.seed() + epoch);
            // ListDataSetIterator's own batch (default 5) merges that many list entries per minibatch: use 1.
            network.fit(new ListDataSetIterator<>(all.batchBy(config.batchSize()), 1));
            double valLoss = network.score(validation, false);
            listener.epoch(new EpochProgress(epoch, config.epochs(), network.score(), valLoss));
        }
    }

    private static final class TimedListener implements TrainingListener {
        final List<Long> marks = new ArrayList<>(List.of(System.nanoTime()));
        final List<Long> cpuMarks = new ArrayList<>(List.of(processCpuNanos()));
        final List<Double> valLosses = new ArrayList<>();
        final List<Double> losses = new ArrayList<>();

        @Override
        public void message(String text) {
        }

        @Override
        public void epoch(EpochProgress progress) {
            marks.add(System.nanoTime());
            cpuMarks.add(processCpuNanos());
            valLosses.add(progress.valLoss());
            losses.add(progress.loss());
        }
    }

    private static void fineTune(String size, int batch, int maxEpochs) throws IOException {
        String loadBefore = loadAverage();
        Input input = input(size);
        int newDays = 60;
        List<double[]> old = input.series().stream().map(s -> Arrays.copyOf(s, s.length - newDays)).toList();
        LstmConfig config = config(LstmConfig.Activation.RELU, batch, maxEpochs, 5, input.cap());
        Path zip = Files.createTempDirectory("lstm-bench").resolve("lstm.zip");
        LstmTrainer.train(old, config, TrainingMode.FULL, Optional.empty(), TrainingListener.NONE).forecaster().save(zip);

        TimedListener fresh = new TimedListener();
        LstmTrainingResult freshResult = LstmTrainer.train(input.series(), config, TrainingMode.FULL, Optional.empty(), fresh);
        TimedListener tuned = new TimedListener();
        LstmTrainingResult tunedResult = LstmTrainer.train(input.series(), config, TrainingMode.FINE_TUNE, Optional.of(zip), tuned);

        double[] freshVal = ratioUnits(fresh.valLosses, freshResult.forecaster().normaliser());
        double[] tunedVal = ratioUnits(tuned.valLosses, tunedResult.forecaster().normaliser());
        double target = Math.max(Arrays.stream(freshVal).min().orElseThrow(), Arrays.stream(tunedVal).min().orElseThrow());
        String loadAfter = loadAverage();
        long rss = peakRssMb();
        printFineTuneRow(size + " (batch " + batch + ", max " + maxEpochs + " epochs, " + newDays + " new days)", "fresh", fresh, freshVal, target, rss, loadBefore, loadAfter);
        printFineTuneRow(size + " (batch " + batch + ", max " + maxEpochs + " epochs, " + newDays + " new days)", "fine-tune (fineTuned=" + tunedResult.fineTuned() + ")",
                tuned, tunedVal, target, rss, loadBefore, loadAfter);
    }

    /** Standardised MSE times spread^2: the two runs' normalisers differ, their ratio-space MSE does not. */
    private static double[] ratioUnits(List<Double> valLosses, WindowNormaliser normaliser) {
        return valLosses.stream().mapToDouble(v -> v * normaliser.spread() * normaliser.spread()).toArray();
    }

    private static void printFineTuneRow(String input, String start, TimedListener run, double[] val, double target,
                                         long rss, String loadBefore, String loadAfter) {
        int reached = -1;
        for (int i = 0; i < val.length && reached < 0; i++) {
            if (val[i] <= target) {
                reached = i + 1;
            }
        }
        double toTarget = reached < 0 ? Double.NaN : (run.marks.get(reached) - run.marks.get(0)) / 1e9;
        double cpuToTarget = reached < 0 ? Double.NaN : (run.cpuMarks.get(reached) - run.cpuMarks.get(0)) / 1e9;
        double total = (run.marks.get(run.marks.size() - 1) - run.marks.get(0)) / 1e9;
        double cpuTotal = (run.cpuMarks.get(run.cpuMarks.size() - 1) - run.cpuMarks.get(0)) / 1e9;
        System.out.printf("| %s | %s | %.5f | %.5f | %d | %.1f / %.1f | %d | %.5f | %.1f / %.1f | %d | %s / %s |%n", input,
                start, run.losses.get(0), val[0], reached, toTarget, cpuToTarget, val.length,
                Arrays.stream(val).min().orElseThrow(), total, cpuTotal, rss, loadBefore, loadAfter);
    }

    private static void predict() throws Exception {
        String loadBefore = loadAverage();
        Input input = input("small");
        LstmForecaster forecaster = LstmTrainer.train(input.series(),
                config(LstmConfig.Activation.RELU, 32, 3, 5, input.cap()), TrainingMode.FULL, Optional.empty(),
                TrainingListener.NONE).forecaster();
        double[] history = input.series().get(0);
        for (int i = 0; i < 3_000; i++) {
            forecaster.forecast(history, 30);
        }
        row("plain-Java forward pass (production)", 30, time(5_000, () -> forecaster.forecast(history, 30)), loadBefore);
        row("plain-Java forward pass (production)", 365, time(300, () -> forecaster.forecast(history, 365)), loadBefore);
        for (int i = 0; i < 30; i++) {
            dl4jForecast(forecaster, history, 30);
        }
        row("DL4J network.output per step", 30, time(100, () -> dl4jForecast(forecaster, history, 30)), loadBefore);
        row("DL4J network.output per step", 365, time(5, () -> dl4jForecast(forecaster, history, 365)), loadBefore);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int calls = 8_000;
            long started = System.nanoTime();
            List<Future<double[]>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> forecaster.forecast(history, 30)));
            }
            for (Future<double[]> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("| plain-Java, 4 threads: %.0f forecasts/s | 30 | | | %.3f wall | %s / %s |%n",
                    calls / seconds, seconds * 1000 / calls, loadBefore, loadAverage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same autoregressive loop as LstmForecaster, but each step through DL4J's own forward pass. */
    private static double[] dl4jForecast(LstmForecaster forecaster, double[] history, int days) {
        int window = forecaster.config().window();
        WindowNormaliser normaliser = forecaster.normaliser();
        double[] values = Arrays.copyOfRange(history, history.length - window, history.length + days);
        float[] input = new float[window];
        for (int d = 0; d < days; d++) {
            double scale = WindowNormaliser.scale(values, d, window);
            if (scale <= 0) {
                continue;
            }
            for (int t = 0; t < window; t++) {
                input[t] = (float) normaliser.standardise(normaliser.ratio(values[d + t], scale));
            }
            INDArray out = forecaster.network().output(Nd4j.create(input, new long[]{1, 1, window}, 'c'), false);
            values[window + d] = normaliser.toValue(out.getDouble(0), scale);
        }
        return values;
    }

    /** Wall and calling-thread CPU milliseconds per call: on a shared, overloaded machine CPU time is the fair figure. */
    private static double[][] time(int calls, Runnable action) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[][] ms = new double[2][calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            action.run();
            ms[0][i] = (System.nanoTime() - started) / 1e6;
            ms[1][i] = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
        }
        return ms;
    }

    private static void row(String method, int days, double[][] ms, String load) {
        double[] wall = ms[0];
        double[] cpu = ms[1];
        double mean = Arrays.stream(wall).average().orElseThrow();
        double cpuMean = Arrays.stream(cpu).average().orElseThrow();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("| %s | %d | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f | %s / %s |%n", method, days,
                wall[wall.length / 2], cpu[cpu.length / 2], p99(wall), p99(cpu), mean, cpuMean, load, loadAverage());
    }

    private static double p99(double[] sorted) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
