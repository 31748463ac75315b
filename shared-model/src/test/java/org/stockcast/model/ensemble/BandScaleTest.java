package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.backtest.HorizonBucket;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.forecaster.Forecaster;

class BandScaleTest {
    /** Lag-7 differences of 1 for 300 days, then of 4: a series whose noise grew with its level. */
    static double[] grown() {
        double[] v = new double[400];
        for (int i = 0; i < v.length; i++) {
            double step = i < 300 ? 1 : 4;
            v[i] = 100 + ((i / 7) % 2 == 0 ? 0 : step);
        }
        return v;
    }

    @Test
    void aRecentWindowFollowsTheCurrentNoiseWhereTheWholeHistoryLags() {
        double[] v = grown();
        assertThat(BandScale.of(v, v.length, 0)).isCloseTo(Backtest.naiveScale(v, v.length, 7), within(1e-12))
                .isLessThan(2);
        assertThat(BandScale.of(v, v.length, 91)).isCloseTo(4, within(0.1));
        // the window is of the history before the origin, nothing after it
        assertThat(BandScale.of(v, 300, 91)).isCloseTo(1, within(0.1));
    }

    @Test
    void aWindowWithoutVariationFallsBackToTheWholeHistory() {
        double[] v = grown();
        java.util.Arrays.fill(v, 300, 400, 50);
        assertThat(BandScale.of(v, v.length, 91)).isEqualTo(BandScale.of(v, v.length, 0)).isPositive();
    }

    /** The backtest's origins are scaled by the same rule as the served forecast, so bands keep their units. */
    @Test
    void originsAndServingUseTheSameWindow() {
        DailySeries series = HorizonEnsembleTest.weekly(500, 5, 9);
        Map<Member, Forecaster> members = HorizonEnsembleTest.members(HorizonEnsembleTest.noise(1));
        members.remove(Member.LSTM);
        SeriesBacktest backtest = EnsembleBacktest.run("total", series, BacktestPlan.defaults(), members, 0);
        for (OriginForecasts o : backtest.origins()) {
            assertThat(backtest.bandScale(o, 0)).isEqualTo(o.scale());
            assertThat(backtest.bandScale(o, 91)).isEqualTo(BandScale.of(series.head(o.trainingLength()).values(),
                    o.trainingLength(), 91));
        }
        EnsembleCalibration calibration = EnsembleCalibration.learn(List.of(backtest), 0.8, Optional.empty(),
                EnsembleCalibration.DEFAULT_METHOD, EnsembleCalibration.DEFAULT_WEIGHTS,
                new EnsembleCalibration.BandRule(EnsembleCalibration.BandSource.KIND,
                        EnsembleCalibration.DEFAULT_BAND_ERRORS, 91, 0,
                        EnsembleCalibration.BandLevel.NOMINAL)).orElseThrow();
        assertThat(calibration.bandScaleDays()).isEqualTo(91);
        assertThat(calibration.bandScale(series.values())).isEqualTo(BandScale.of(series.values(), 500, 91));
        assertThat(calibration.series().get("total").bands()).containsKey(HorizonBucket.DAYS_1_7);
    }
}
