package org.stockcast.retrainservice.retrain;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The bounded scheduler jobs publish their events on and the SSE heartbeat timers run on. */
@Configuration(proxyBeanMethods = false)
class StreamingConfig {
    /**
     * Two threads, one per core: only non-blocking hand-offs run here (the fan-out of an event to its subscribers,
     * timers); the writes to the clients run on Spring MVC's task executor.
     */
    @Bean(destroyMethod = "dispose")
    Scheduler eventScheduler() {
        return Schedulers.newParallel("retrain-sse", 2, true);
    }
}
