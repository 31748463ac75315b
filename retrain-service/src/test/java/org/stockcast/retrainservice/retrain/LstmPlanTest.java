package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.retrainservice.InventoryProperties;

class LstmPlanTest {
    private static final Path DIR = Path.of("unused");

    @Test
    void theDailyFineTuneIsCappedBelowTheFullTrainingsWindows() {
        InventoryProperties.Lstm lstm = TestProperties.tiny(DIR, DIR, Map.of()).lstm();
        LstmConfig daily = LstmPlan.incrementalConfig(lstm, OptionalInt.empty());
        assertThat(lstm.config().maxTrainingWindows()).isEqualTo(20_000);
        assertThat(daily.maxTrainingWindows()).isEqualTo(4_000);
        assertThat(daily.epochs()).isEqualTo(2); // the tiny test network's 2 epochs are below fine-tune-epochs (5)
        assertThat(daily.patience()).isEqualTo(2);
    }

    @Test
    void theCapFollowsItsPropertyAndNeverRaisesTheFullCap() {
        LstmConfig daily = LstmPlan.incrementalConfig(TestProperties.tiny(DIR, DIR,
                Map.of("inventory.lstm.fine-tune-max-windows", "1500")).lstm(), OptionalInt.of(3));
        assertThat(daily.maxTrainingWindows()).isEqualTo(1_500);
        assertThat(daily.epochs()).isEqualTo(3);
        LstmConfig small = LstmPlan.incrementalConfig(TestProperties.tiny(DIR, DIR,
                Map.of("inventory.lstm.max-training-windows", "900")).lstm(), OptionalInt.empty());
        assertThat(small.maxTrainingWindows()).isEqualTo(900);
    }
}
