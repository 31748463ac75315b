package org.stockcast.forecastservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;

class InventoryPropertiesTest {
    @EnableConfigurationProperties(InventoryProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsAreApiMds() {
        runner.run(context -> {
            InventoryProperties properties = context.getBean(InventoryProperties.class);
            assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("var/data"));
            assertThat(properties.modelDir().normalize()).isEqualTo(Path.of("var/models"));
            assertThat(properties.watch().pollInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.stock().serviceLevel()).isEqualTo(0.95);
            assertThat(properties.stock().leadTimeDays()).isEqualTo(5);
            assertThat(properties.stock().reviewPeriodDays()).isEqualTo(7);
        });
    }

    @Test
    void relaxedBindingFromEnvironmentStyleNames() {
        runner.withPropertyValues("inventory.model-dir=/srv/models", "inventory.watch.poll-interval=500ms",
                "inventory.stock.lead-time-days=3").run(context -> {
                    InventoryProperties properties = context.getBean(InventoryProperties.class);
                    assertThat(properties.modelDir()).isEqualTo(Path.of("/srv/models"));
                    assertThat(properties.watch().pollInterval()).isEqualTo(Duration.ofMillis(500));
                    assertThat(properties.stock().leadTimeDays()).isEqualTo(3);
                });
    }

    /** A zero delay would only fail later, inside the scheduler, with a message that names no setting. */
    @Test
    void pollIntervalThatIsNotPositiveStopsStartUp() {
        for (String bad : new String[] {"inventory.watch.poll-interval=0s", "inventory.watch.poll-interval=-2s"}) {
            runner.withPropertyValues(bad).run(context -> {
                assertThat(context).as(bad).hasFailed();
                assertThat(context.getStartupFailure()).as(bad).rootCause().hasMessageContaining("poll");
            });
        }
    }

    @Test
    void impossibleServiceLevelStopsStartUp() {
        runner.withPropertyValues("inventory.stock.service-level=1.5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("service");
        });
    }
}
