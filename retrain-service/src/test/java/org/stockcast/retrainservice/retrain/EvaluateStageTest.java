package org.stockcast.retrainservice.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.Forecaster;
import org.stockcast.model.backtest.PointForecast;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.ensemble.EnsembleWeights;

class EvaluateStageTest {

    @Test
    void inverseErrorWeightsFavourTheMoreAccurateModel() {
        EnsembleWeights w = EvaluateStage.inverseErrorWeights(10.0, 30.0);
        assertThat(w.additive()).isCloseTo(0.75, within(1e-9));
        assertThat(w.lstm()).isCloseTo(0.25, within(1e-9));
        EnsembleWeights equal = EvaluateStage.inverseErrorWeights(4.0, 4.0);
        assertThat(equal.additive()).isEqualTo(0.5);
        EnsembleWeights thirds = EvaluateStage.inverseErrorWeights(1.0, 2.0);
        assertThat(thirds.additive()).isEqualTo(0.667);
        assertThat(thirds.additive() + thirds.lstm()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void inverseErrorWeightsFallBackOnUndefinedErrors() {
        assertThat(EvaluateStage.inverseErrorWeights(Double.NaN, 1)).isEqualTo(EnsembleWeights.DEFAULT);
        assertThat(EvaluateStage.inverseErrorWeights(1, Double.POSITIVE_INFINITY)).isEqualTo(EnsembleWeights.DEFAULT);
        assertThat(EvaluateStage.inverseErrorWeights(0, 0)).isEqualTo(EnsembleWeights.DEFAULT);
        assertThat(EvaluateStage.inverseErrorWeights(-1, 2)).isEqualTo(EnsembleWeights.DEFAULT);
        assertThat(EvaluateStage.inverseErrorWeights(0, 2)).isEqualTo(new EnsembleWeights(1.0, 0.0));
    }

    @Test
    void blendIsTheWeightedSumOfBothForecasts() {
        Forecaster a = (history, horizon) -> PointForecast.of(new double[] {10, 20});
        Forecaster l = (history, horizon) -> PointForecast.of(new double[] {20, 40});
        DailySeries history = new DailySeries(LocalDate.of(2025, 1, 1), new double[] {1, 2, 3});
        double[] y = EvaluateStage.blend(a, l, EnsembleWeights.DEFAULT).forecast(history, 2).yhat();
        assertThat(y[0]).isCloseTo(14, within(1e-9));
        assertThat(y[1]).isCloseTo(28, within(1e-9));
    }

    @Test
    void memoisedForecasterComputesEachHistoryOnce() {
        int[] calls = {0};
        Forecaster counting = (history, horizon) -> {
            calls[0]++;
            return PointForecast.of(new double[horizon]);
        };
        Forecaster memo = EvaluateStage.memoised(counting);
        DailySeries s = new DailySeries(LocalDate.of(2025, 1, 1), new double[] {1, 2, 3, 4});
        memo.forecast(s, 2);
        memo.forecast(s, 2);
        memo.forecast(s.head(3), 2);
        assertThat(calls[0]).isEqualTo(2);
    }
}
