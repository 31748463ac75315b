package org.stockcast.common.config;

import java.nio.file.Path;

/**
 * The {@code inventory.*} settings both services have: each service's {@code InventoryProperties} record
 * implements this and takes its defaults from here, so the two cannot drift apart. The defaults are git-ignored
 * runtime directories under {@code var/}: running the product never rewrites the bundled, tracked
 * {@code data/master.csv} (ops/start.sh seeds {@code var/data} from it on first start).
 */
public interface CommonProperties {
    /** The runtime master dataset, written by retrain-service (never the bundled {@code data/}). */
    String DEFAULT_DATA_DIR = "./var/data";
    /** The model store: retrain-service publishes, forecast-service watches. */
    String DEFAULT_MODEL_DIR = "./var/models";

    Path dataDir();

    Path modelDir();
}
