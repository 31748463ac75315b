package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.store.ModelStore;
import org.stockcast.retrainservice.InventoryProperties;
import org.stockcast.retrainservice.RetrainServiceApplication;

/**
 * The server half of {@link SseFanOutBenchmark}: the real retrain service (Tomcat, Spring MVC, Spring Security,
 * the real job service and event streams) whose pipeline is replaced by a synthetic one, so the measurement is the
 * streaming alone. A job started by an upload waits for the trigger file, then emits {@code bench.events} progress
 * events {@code bench.interval} apart, each carrying its emit time ({@link System#nanoTime()}, CLOCK_MONOTONIC on
 * Linux, so comparable across processes on one machine), and returns a result whose metrics hold how long each
 * emit call took on the job thread.
 * <p>
 * Run by {@code retrain-service/bench/sse-benchmark.sh}; the port is written to {@code bench.port-file}.
 */
public final class SseBenchServer {
    private SseBenchServer() {
    }

    public static void main(String[] args) throws IOException {
        SpringApplication app = new SpringApplication(RetrainServiceApplication.class);
        app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(
                new SyntheticPipelineInstaller(context.getBeanFactory())));
        String[] arguments = Arrays.copyOf(args, args.length + 3);
        arguments[args.length] = "--server.port=0";
        arguments[args.length + 1] = "--inventory.retrain.train-on-start=false";
        arguments[args.length + 2] = "--spring.main.banner-mode=off";
        ConfigurableApplicationContext context = app.run(arguments);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Files.writeString(Path.of(System.getProperty("bench.port-file")), Integer.toString(port));
    }

    /** Swaps the real pipeline for the synthetic one before the job service gets it. */
    private record SyntheticPipelineInstaller(ConfigurableListableBeanFactory beans) implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
            if (!(bean instanceof RetrainPipeline) || bean instanceof SyntheticPipeline) {
                return bean;
            }
            return new SyntheticPipeline(beans.getBean(InventoryProperties.class), beans.getBean(MasterDataset.class),
                    beans.getBean(ModelStore.class), beans.getBean(ModelPublisher.class),
                    beans.getBean(RetrainMetrics.class));
        }
    }

    private static final class SyntheticPipeline extends RetrainPipeline {
        private final int events = Integer.getInteger("bench.events", 200);
        private final Duration interval = Duration.parse(System.getProperty("bench.interval", "PT0.02S"));
        private final int messageChars = Integer.getInteger("bench.message-chars", 60);
        private final Path trigger = Path.of(System.getProperty("bench.trigger"));

        SyntheticPipeline(InventoryProperties properties, MasterDataset master, ModelStore store,
                          ModelPublisher publisher, RetrainMetrics metrics) {
            super(properties, master, store, publisher, metrics);
        }

        @Override
        RetrainResult run(String jobId, RetrainRequest request, RetrainProgress progress) {
            while (!Files.exists(trigger)) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            String padding = " " + "x".repeat(Math.max(0, messageChars));
            long[] callNanos = new long[events];
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long due = start + i * interval.toNanos();
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(due - System.nanoTime());
                }
                long before = System.nanoTime();
                progress.stage(Stage.LSTM, "bench " + i + " " + before + padding);
                callNanos[i] = System.nanoTime() - before;
            }
            Arrays.sort(callNanos);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("emit_calls", events);
            metrics.put("emit_call_p50_us", callNanos[events / 2] / 1e3);
            metrics.put("emit_call_p99_us", callNanos[(int) Math.min(events - 1, Math.ceil(events * 0.99) - 1)] / 1e3);
            metrics.put("emit_call_max_us", callNanos[events - 1] / 1e3);
            metrics.put("emit_seconds", (System.nanoTime() - start) / 1e9);
            return new RetrainResult(jobId, JobStatus.SUCCESS, 0, 0, 0, 0, 0, null, metrics, Map.of());
        }
    }
}
