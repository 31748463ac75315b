package org.stockcast.forecastservice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.stockcast.common.config.CommonProperties;

/**
 * The {@code inventory.*} settings of docs/api.md "Configuration", plus the inventory policy defaults. Validated at
 * start-up: a service level of 1.5 must stop the service, not fail every request.
 */
@ConfigurationProperties("inventory")
@Validated
public record InventoryProperties(@DefaultValue(CommonProperties.DEFAULT_DATA_DIR) @NotNull Path dataDir,
                                  @DefaultValue(CommonProperties.DEFAULT_MODEL_DIR) @NotNull Path modelDir,
                                  @DefaultValue @Valid Watch watch,
                                  @DefaultValue @Valid Stock stock) implements CommonProperties {

    /**
     * @param pollInterval   how often the model store is scanned
     * @param warmUpThreads  threads that precompute a new version's series after the swap; 0 = all cores but one
     */
    public record Watch(@DefaultValue("2s") Duration pollInterval,
                        @DefaultValue("0") @Min(0) int warmUpThreads) {

        /** The scheduler refuses a delay that is not positive, with a bare exception naming no setting. */
        @AssertTrue(message = "poll-interval must be positive")
        public boolean isPollIntervalPositive() {
            return pollInterval != null && !pollInterval.isNegative() && !pollInterval.isZero();
        }
    }

    /** Defaults for requests that do not name their own service level, lead time or review period. */
    public record Stock(@DefaultValue("0.95") @DecimalMin(value = "0", inclusive = false)
                        @DecimalMax(value = "1", inclusive = false) double serviceLevel,
                        @DefaultValue("5") @Min(0) @Max(365) int leadTimeDays,
                        @DefaultValue("7") @Min(0) @Max(365) int reviewPeriodDays) {
    }
}
