package org.stockcast.forecastservice;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The {@code inventory.*} settings of API.md "Configuration", plus the inventory policy defaults. */
@ConfigurationProperties("inventory")
public record InventoryProperties(@DefaultValue("./data") Path dataDir,
                                  @DefaultValue("./models") Path modelDir,
                                  @DefaultValue Watch watch,
                                  @DefaultValue Stock stock) {

    public record Watch(@DefaultValue("2s") Duration pollInterval) {
    }

    /** Defaults for requests that do not name their own service level, lead time or review period. */
    public record Stock(@DefaultValue("0.95") double serviceLevel,
                        @DefaultValue("5") int leadTimeDays,
                        @DefaultValue("7") int reviewPeriodDays) {
    }
}
