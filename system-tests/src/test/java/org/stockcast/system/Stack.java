package org.stockcast.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.store.VersionCheck;

/**
 * The services of one test class over one data dir and one model dir, both under the test's @TempDir, each on
 * a free loopback port. Settings are the production defaults except where a test needs speed (LSTM epochs) and
 * the forecast poll interval (2 s, the documented default, stated explicitly).
 */
final class Stack implements AutoCloseable {
    /** Small training budget: the system tests check plumbing, not forecast quality. */
    static final List<String> FAST_RETRAIN = List.of("--inventory.lstm.epochs=2");
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final Duration FIRST_VERSION_TIMEOUT = Duration.ofMinutes(5);

    private final Class<?> testClass;
    final Path dataDir;
    final Path modelDir;
    private final List<ServiceProcess> processes = new ArrayList<>();

    Stack(Class<?> testClass, Path root) throws IOException {
        this.testClass = testClass;
        this.dataDir = Files.createDirectories(root.resolve("data"));
        this.modelDir = Files.createDirectories(root.resolve("models"));
    }

    ServiceProcess startRetrain(String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(FAST_RETRAIN);
        args.addAll(List.of(extraArgs));
        ServiceProcess p = ServiceProcess.start(ServiceProcess.Service.RETRAIN, Ports.free(), dataDir, modelDir,
                SystemTestEnv.logFile(testClass, "retrain-service"), args);
        processes.add(p);
        return p;
    }

    ServiceProcess startForecast(String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>();
        args.add("--inventory.watch.poll-interval=" + POLL_INTERVAL.toSeconds() + "s");
        args.addAll(List.of(extraArgs));
        ServiceProcess p = ServiceProcess.start(ServiceProcess.Service.FORECAST, Ports.free(), dataDir, modelDir,
                SystemTestEnv.logFile(testClass, "forecast-service"), args);
        processes.add(p);
        return p;
    }

    ModelStore store() {
        return new ModelStore(modelDir, 5);
    }

    /** Verified versions, newest first. */
    List<Integer> verifiedVersions() throws IOException {
        List<Integer> ok = new ArrayList<>();
        for (int v : store().versions()) {
            if (store().verify(v).ok()) {
                ok.add(v);
            }
        }
        return ok;
    }

    /** Every numbered version directory that exists verifies (docs/api.md "Model store"); returns them, newest first. */
    List<Integer> assertEveryVersionVerifies() throws IOException {
        List<Integer> versions = store().versions();
        for (int v : versions) {
            VersionCheck check = store().verify(v);
            if (!check.ok()) {
                throw new AssertionError("version " + v + " does not verify: " + check.failure() + " "
                        + check.detail());
            }
        }
        return versions;
    }

    /** Waits for the retrain service's start-up training to publish a verified version. */
    int awaitFirstVersion(ServiceProcess retrain) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FIRST_VERSION_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Integer> ok = verifiedVersions();
            if (!ok.isEmpty()) {
                return ok.get(0);
            }
            if (!retrain.alive()) {
                throw new AssertionError("retrain-service died before publishing a version\n" + retrain.logTail(60));
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no version published within " + FIRST_VERSION_TIMEOUT + "\n" + retrain.logTail(60));
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess p : processes) {
            p.close();
        }
    }
}
