package org.stockcast.model.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.forecaster.PointForecast;

class BacktestTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void metricsOnHandMadeNumbers() {
        // history 1,3,2,4 (lag-1 naive MAE = (2+1+2)/3 = 5/3), then actuals 2,0,5 against forecasts 3,1,4
        DailySeries series = new DailySeries(START, new double[] {1, 3, 2, 4, 2, 0, 5});
        Forecaster fixed = (history, horizon) -> new PointForecast(new double[] {3, 1, 4},
                new double[] {2, 0.5, 4.5}, new double[] {4, 2, 6});

        ForecastErrors e = Backtest.evaluate(series, fixed, 1, 3, 1, 1);

        assertThat(e.points()).isEqualTo(3);
        assertThat(e.mae()).isCloseTo(1.0, within(1e-12));
        assertThat(e.rmse()).isCloseTo(1.0, within(1e-12));
        // zero actual skipped: (1/2 + 1/5) / 2
        assertThat(e.mape()).isCloseTo(100 * (0.5 + 0.2) / 2, within(1e-9));
        // 2|e|/(|a|+|f|): 2/5, 2/1, 2/9
        assertThat(e.smape()).isCloseTo(100 * (2.0 / 5 + 2.0 + 2.0 / 9) / 3, within(1e-9));
        assertThat(e.mase()).isCloseTo(1.0 / (5.0 / 3), within(1e-12));
        // 2 in [2,4]: yes; 0 in [0.5,2]: no; 5 in [4.5,6]: yes
        assertThat(e.coverage()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void rollingOriginsEndHorizonBeforeTheEnd() {
        assertThat(Backtest.trainingLengths(100, 3, 10, 5, 7)).containsExactly(80, 85, 90);
        // origins with less than a season of history are dropped
        assertThat(Backtest.trainingLengths(30, 5, 10, 5, 7)).containsExactly(10, 15, 20);
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeason() {
        DailySeries history = new DailySeries(START, new double[] {9, 1, 2, 3});
        assertThat(Backtest.seasonalNaive(3).forecast(history, 5).yhat()).containsExactly(1, 2, 3, 1, 2);
        assertThat(Backtest.seasonalNaive(7).forecast(history, 2).yhat()).containsExactly(3, 3);
    }

    @Test
    void seasonalNaiveIsPerfectOnAPurelySeasonalSeriesAndHasNoCoverage() {
        double[] values = new double[70];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1 + i % 7;
        }
        ForecastErrors e = Backtest.evaluate(new DailySeries(START, values), Backtest.seasonalNaive(7), 3, 14, 7, 7);
        assertThat(e.mae()).isZero();
        assertThat(e.points()).isEqualTo(42);
        assertThat(e.coverage()).isNaN();
        // zero naive scale: MASE undefined
        assertThat(e.mase()).isNaN();
    }

    @Test
    void perCutoffErrorsListEachOrigin() {
        double[] values = new double[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        List<ForecastErrors> perCutoff = Backtest.evaluatePerCutoff(new DailySeries(START, values),
                Backtest.seasonalNaive(1), 2, 3, 5, 1);
        assertThat(perCutoff).hasSize(2);
        // naive of a line with slope 1: errors 1,2,3
        assertThat(perCutoff.get(0).mae()).isCloseTo(2.0, within(1e-12));
        assertThat(perCutoff.get(0).mase()).isCloseTo(2.0, within(1e-12));
    }
}
