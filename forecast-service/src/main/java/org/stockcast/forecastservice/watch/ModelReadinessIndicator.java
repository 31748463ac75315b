package org.stockcast.forecastservice.watch;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of the readiness group: DOWN until a model version is served (docs/api.md). */
@Component("model")
class ModelReadinessIndicator implements HealthIndicator {
    private final ModelWatcher watcher;

    ModelReadinessIndicator(ModelWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public Health health() {
        return watcher.current()
                .map(loaded -> Health.up().withDetail("model_version", loaded.version())
                        .withDetail("loaded_at", loaded.loadedAt().toString()).build())
                .orElseGet(() -> {
                    Health.Builder down = Health.down().withDetail("reason", "no model version loaded yet");
                    watcher.lastReloadError().ifPresent(error -> down.withDetail("last_reload_error", error));
                    return down.build();
                });
    }
}
