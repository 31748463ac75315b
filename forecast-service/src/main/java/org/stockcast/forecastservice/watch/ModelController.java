package org.stockcast.forecastservice.watch;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ModelController {
    private final ModelWatcher watcher;

    ModelController(ModelWatcher watcher) {
        this.watcher = watcher;
    }

    @Operation(summary = "The served model version; 503 before the first one is loaded")
    @GetMapping(path = "/model", produces = MediaType.APPLICATION_JSON_VALUE)
    ModelInfo model() {
        LoadedEnsemble loaded = watcher.current().orElseThrow(() -> new ModelNotLoadedException(
                "No model version is loaded yet" + watcher.lastReloadError().map(e -> " (last error: " + e + ")")
                        .orElse("") + "."));
        return new ModelInfo(loaded.version(), loaded.loadedAt(), loaded.manifest().createdAt(),
                loaded.manifest().trainedOnRows(), loaded.manifest().lastTrainingDate(),
                loaded.manifest().metrics() == null ? Map.of() : loaded.manifest().metrics(),
                Map.of("additive", loaded.model().weights().additive(), "lstm", loaded.model().weights().lstm()),
                watcher.lastReloadError().orElse(null));
    }
}
