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

    /**
     * A yearly cycle (amplitude 20 around 50) and 1.5 years of history before an origin of a 3-year series: the
     * model served on the whole series fits a yearly seasonality, so its backtest at that origin fits one too and
     * forecasts the next half-year's cycle; Prophet's rule at the origin (no yearly seasonality under two years)
     * would score a model that misses it. A series under two years keeps Prophet's rule at every origin.
     */
    @Test
    void theBacktestFitsTheYearlySeasonalityTheServedModelWillHave() {
        double[] values = new double[1095];
        java.util.Random noise = new java.util.Random(3);
        for (int d = 0; d < values.length; d++) {
            values[d] = 50 + 20 * Math.sin(2 * Math.PI * d / 365.25) + noise.nextGaussian();
        }
        DailySeries series = new DailySeries(SyntheticSeries.START, values);
        DailySeries origin = series.head(550);
        AdditiveConfig config = AdditiveConfig.defaults().withInterval(0.8, 0);
        double[] yearly = AdditiveModel.backtestForecaster(config, series.length()).forecast(origin, 180).yhat();
        double[] prophetRule = AdditiveModel.forecaster(config).forecast(origin, 180).yhat();
        assertThat(mae(yearly, values, 550)).isLessThan(3);
        assertThat(mae(prophetRule, values, 550)).isGreaterThan(3 * mae(yearly, values, 550));
        assertThat(AdditiveModel.backtestForecaster(config, 700).forecast(origin, 180).yhat()).isEqualTo(prophetRule);
    }

    private static double mae(double[] forecast, double[] actual, int from) {
        double sum = 0;
        for (int d = 0; d < forecast.length; d++) {
            sum += Math.abs(forecast[d] - actual[from + d]);
        }
        return sum / forecast.length;
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
