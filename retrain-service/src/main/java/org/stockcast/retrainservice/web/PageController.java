package org.stockcast.retrainservice.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockcast.retrainservice.InventoryProperties;

/** The retrain page (plain HTML/JS, no build step) and the few settings it needs. */
@RestController
class PageController {
    private static final Resource PAGE = new ClassPathResource("static/retrain-page.html");

    private final InventoryProperties properties;

    PageController(InventoryProperties properties) {
        this.properties = properties;
    }

    record PageSettings(String forecastUrl, boolean apiKeyRequired, int defaultEpochs, long maxUploadBytes) {
    }

    @GetMapping(path = "/retrain-page", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    @GetMapping("/retrain/settings")
    PageSettings settings() {
        return new PageSettings(properties.retrain().forecastUrl().toString(),
                properties.retrain().apiKeyRequired(), properties.lstm().epochs(),
                properties.upload().maxBytes().toBytes());
    }
}
