package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.backtest.ForecastErrors;
import org.stockcast.model.forecaster.PointForecast;
import org.stockcast.model.dataset.DailySeries;

class AdditiveForecasterTest {

    @Test
    void adapterForecastsTheHorizonWithAnInterval() {
        DailySeries history = SyntheticSeries.generate(200, 2.0, 4).series();
        PointForecast f = AdditiveModel.forecaster(AdditiveConfig.defaults()).forecast(history, 21);
        assertThat(f.yhat()).hasSize(21);
        assertThat(f.lower()).hasSize(21);
        assertThat(f.upper()).hasSize(21);
    }

    @Test
    void beatsSeasonalNaiveOnAGeneratedSeriesWithNominalCoverage() {
        DailySeries series = SyntheticSeries.generate(900, 3.0, 12).series();
        ForecastErrors model = Backtest.evaluate(series, AdditiveModel.forecaster(AdditiveConfig.defaults()),
                4, 28, 28, 7);
        ForecastErrors naive = Backtest.evaluate(series, Backtest.seasonalNaive(7), 4, 28, 28, 7);
        assertThat(model.points()).isEqualTo(112);
        assertThat(model.mase()).isLessThan(0.8 * naive.mase());
        assertThat(model.coverage()).isBetween(0.65, 0.95);
    }
}
