package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LstmStageTest {

    @Test
    void recentKeepsTheLastDaysOrEverything() {
        double[] values = {1, 2, 3, 4, 5};
        assertThat(LstmStage.recent(values, 3)).containsExactly(3, 4, 5);
        assertThat(LstmStage.recent(values, 5)).isSameAs(values);
        assertThat(LstmStage.recent(values, 9)).isSameAs(values);
        assertThat(LstmStage.recent(values, 0)).isSameAs(values);
    }
}
