package org.stockcast.retrainservice.retrain;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.stockcast.retrainservice.InventoryProperties;

/** InventoryProperties bound exactly as Spring binds them (defaults included), for tests without a context. */
final class TestProperties {
    private TestProperties() {
    }

    static InventoryProperties tiny(Path dataDir, Path modelDir, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("inventory.data-dir", dataDir.toString());
        values.put("inventory.model-dir", modelDir.toString());
        values.put("inventory.lstm.epochs", "2");
        values.put("inventory.lstm.units", "8");
        values.put("inventory.lstm.layers", "1");
        values.put("inventory.lstm.window", "7");
        // the test masters hold 12 weeks: hold 4 of them out so the LSTM is trained before and scored on them
        values.put("inventory.evaluate.holdout-days", "28");
        values.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("inventory", InventoryProperties.class);
    }
}
