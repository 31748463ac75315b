package org.stockcast.forecastservice.watch;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stockcast.forecastservice.InventoryProperties;
import org.stockcast.model.store.ModelStore;

@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelStore modelStore(InventoryProperties properties) {
        return new ModelStore(properties.modelDir(), ModelStore.DEFAULT_KEEP);
    }

    /**
     * Low-priority warm-up threads, {@code inventory.watch.warm-up-threads} of them (default: all cores but one, at
     * least one), so warming a new version leaves a core to the requests on a small machine.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService modelWarmUpExecutor(InventoryProperties properties) {
        int threads = properties.watch().warmUpThreads() > 0 ? properties.watch().warmUpThreads()
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "model-warm-up");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    @Bean
    ModelWatcher modelWatcher(ModelStore modelStore, Clock clock, MeterRegistry meterRegistry,
                              ExecutorService modelWarmUpExecutor) {
        return new ModelWatcher(modelStore, clock, meterRegistry, modelWarmUpExecutor);
    }
}
