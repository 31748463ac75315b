package org.stockcast.retrainservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.lstm.LstmConfig;

/** Defaults as docs/api.md and the old system have them; nonsense settings stop the start-up with a clear message. */
class InventoryPropertiesTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(InventoryProperties.class)
    static class Config {
    }

    @Test
    void defaults() {
        runner.run(context -> {
            InventoryProperties p = context.getBean(InventoryProperties.class);
            assertThat(p.dataDir().normalize()).isEqualTo(Path.of("var/data"));
            assertThat(p.modelDir().normalize()).isEqualTo(Path.of("var/models"));
            assertThat(p.models().keep()).isEqualTo(5);
            assertThat(p.retrain().apiKeyRequired()).isFalse();
            assertThat(p.retrain().heartbeat()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.upload().limits().maxBytes()).isEqualTo(50L * 1024 * 1024);
            assertThat(p.lstm().config()).isEqualTo(LstmConfig.defaults());
            assertThat(p.lstm().config().maxTrainingWindows()).isEqualTo(LstmConfig.DEFAULT_MAX_TRAINING_WINDOWS);
            assertThat(p.ensemble().weights()).isEqualTo(EnsembleWeights.Mode.AUTO);
            assertThat(p.evaluate().plan()).isEqualTo(org.stockcast.model.ensemble.BacktestPlan.defaults());
            assertThat(p.evaluate().intervalWidth()).isEqualTo(0.8);
            assertThat(p.data().rules()).isEqualTo(org.stockcast.model.dataset.SeriesRules.DEFAULT);
        });
    }

    @Test
    void aHolidayCountryIsOneOfJollydaysCalendarsOrNone() {
        runner.withPropertyValues("inventory.holidays.country=US", "inventory.holidays.days-after=1")
                .run(context -> {
                    InventoryProperties p = context.getBean(InventoryProperties.class);
                    assertThat(p.holidays().rules().country()).contains("US");
                    assertThat(p.holidays().rules().daysAfter()).isEqualTo(1);
                });
        runner.run(context -> assertThat(context.getBean(InventoryProperties.class).holidays().rules().country())
                .isEmpty());
        runner.withPropertyValues("inventory.holidays.country=atlantis")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void absentDaysAreConfigurableBesideTheDataDir() {
        runner.withPropertyValues("inventory.data-dir=/tmp/stockcast-data", "inventory.data.absent-days=missing",
                "inventory.data.discontinued-after-days=14").run(context -> {
                    InventoryProperties p = context.getBean(InventoryProperties.class);
                    assertThat(p.dataDir()).isEqualTo(Path.of("/tmp/stockcast-data"));
                    assertThat(p.data().rules()).isEqualTo(new org.stockcast.model.dataset.SeriesRules(
                            org.stockcast.model.dataset.AbsentDays.MISSING, 14));
                });
        runner.withPropertyValues("inventory.data.absent-days=sometimes")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void relaxedBindingOfEnumsAndSizes() {
        runner.withPropertyValues("inventory.ensemble.weights=auto", "inventory.lstm.activation=tanh",
                "inventory.upload.max-bytes=10MB", "inventory.retrain.api-key=abc",
                "inventory.lstm.max-training-windows=500").run(context -> {
                    InventoryProperties p = context.getBean(InventoryProperties.class);
                    assertThat(p.ensemble().weights()).isEqualTo(EnsembleWeights.Mode.AUTO);
                    assertThat(p.lstm().activation()).isEqualTo(LstmConfig.Activation.TANH);
                    assertThat(p.upload().maxBytes().toMegabytes()).isEqualTo(10);
                    assertThat(p.retrain().apiKeyRequired()).isTrue();
                    assertThat(p.lstm().config().maxTrainingWindows()).isEqualTo(500);
                });
    }

    @Test
    void invalidValuesFailTheStartUp() {
        for (String bad : new String[] {"inventory.models.keep=0", "inventory.lstm.epochs=0",
                "inventory.lstm.dropout=1.5", "inventory.retrain.heartbeat=0s", "inventory.evaluate.holdout-days=-1",
                "inventory.lstm.max-history-days=-5", "inventory.lstm.max-training-windows=0"}) {
            runner.withPropertyValues(bad).run(context -> assertThat(context).as(bad).hasFailed());
        }
    }
}
