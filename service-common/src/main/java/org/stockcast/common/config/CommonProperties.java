package org.stockcast.common.config;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code inventory.*} settings both services have, bound once here. The defaults are the git-ignored runtime
 * directories under {@code var/}: running the product never rewrites the bundled, tracked {@code data/master.csv}
 * (ops/start.sh seeds {@code var/data} from it on first start).
 *
 * @param dataDir  the master dataset (retrain-service writes it; forecast-service never reads it)
 * @param modelDir the model store (retrain-service publishes, forecast-service watches)
 */
@ConfigurationProperties("inventory")
@Validated
public record CommonProperties(@DefaultValue("./var/data") @NotNull Path dataDir,
                               @DefaultValue("./var/models") @NotNull Path modelDir) {
}
