package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.backtest.HorizonBucket;
import org.stockcast.model.forecaster.PointForecast;
import org.stockcast.model.dataset.DailySeries;

class HorizonEnsembleTest {
    private static final LocalDate START = LocalDate.of(2022, 1, 3);
    private static final AdditiveConfig POINT_ONLY = TestVersions.fastAdditive().withInterval(0.8, 0);

    /** Level 50, weekly pattern, Gaussian noise of the given sd. */
    static DailySeries weekly(int days, double sd, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int i = 0; i < days; i++) {
            values[i] = Math.max(0, 50 + 10 * Math.sin(2 * Math.PI * i / 7) + sd * random.nextGaussian());
        }
        return new DailySeries(START, values);
    }

    /** A deliberately broken LSTM stand-in: pure noise around the level, nothing learned. */
    static Forecaster noise(long seed) {
        return (history, horizon) -> {
            Random random = new Random(seed + history.length());
            double[] y = new double[horizon];
            for (int i = 0; i < horizon; i++) {
                y[i] = Math.max(0, 50 + 40 * random.nextGaussian());
            }
            return PointForecast.of(y);
        };
    }

    static Map<Member, Forecaster> members(Forecaster lstm) {
        Map<Member, Forecaster> members = new EnumMap<>(Member.class);
        members.put(Member.ADDITIVE, AdditiveModel.forecaster(POINT_ONLY));
        members.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(7));
        members.put(Member.LSTM, lstm);
        return members;
    }

    @Test
    void aUselessLstmGetsNoWeightAndTheEnsembleIsTheAdditiveForecast() {
        DailySeries series = weekly(500, 3, 1);
        SeriesBacktest backtest = EnsembleBacktest.run("total", series, BacktestPlan.defaults(), members(noise(7)),
                series.length() - 91);
        HorizonWeights weights = WeightLearner.learn(List.of(backtest));
        for (HorizonBucket bucket : HorizonBucket.values()) {
            assertThat(weights.buckets().get(bucket).getOrDefault(Member.LSTM, 0.0)).as(bucket.label())
                    .isLessThanOrEqualTo(0.05);
        }
        // additive is the right model here: it carries (nearly) all the weight, so the blend is its forecast
        double[] additive = AdditiveModel.forecaster(POINT_ONLY).forecast(series, 28).yhat();
        Map<Member, double[]> forecasts = new EnumMap<>(Member.class);
        forecasts.put(Member.ADDITIVE, additive);
        forecasts.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(series.values(), 28, 7));
        forecasts.put(Member.LSTM, noise(7).forecast(series, 28).yhat());
        SeriesProfile profile = ProfileLearner.learn(List.of(backtest), 0.8, Optional.empty()).orElseThrow();
        EnsembleForecast blended = Blend.calibrated(series, forecasts, profile, 1.0, 28);
        for (int d = 0; d < 28; d++) {
            assertThat(blended.forecast()[d]).isCloseTo(additive[d], within(0.1 * 10));
        }
        assertThat(weights.buckets().get(HorizonBucket.DAYS_1_7).getOrDefault(Member.ADDITIVE, 0.0))
                .isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void theBlendIsNeverWorseThanItsBestMemberOnTheBacktestItLearnedFrom() {
        DailySeries series = weekly(500, 6, 2);
        SeriesBacktest backtest = EnsembleBacktest.run("total", series, BacktestPlan.defaults(), members(noise(3)),
                series.length() - 91);
        HorizonWeights weights = WeightLearner.learn(List.of(backtest));
        for (HorizonBucket bucket : HorizonBucket.values()) {
            BucketPoints points = BucketPoints.of(bucket, List.of(backtest));
            double[] w = new double[points.members().size()];
            for (int m = 0; m < w.length; m++) {
                w[m] = weights.buckets().get(bucket).getOrDefault(points.members().get(m), 0.0);
            }
            for (int m = 0; m < w.length; m++) {
                double[] single = new double[w.length];
                single[m] = 1;
                assertThat(points.loss(w)).isLessThanOrEqualTo(points.loss(single) + 1e-12);
            }
        }
    }

    @Test
    void theLstmIsNeverWeightedBeyondTheHoldoutItWasScoredOn() {
        DailySeries series = weekly(800, 3, 4);
        // an LSTM that is perfect on the holdout still gets nothing at 92-365 days: it was not scored there
        Forecaster oracle = (history, horizon) -> PointForecast.of(java.util.Arrays.copyOfRange(series.values(),
                history.length(), history.length() + horizon));
        SeriesBacktest backtest = EnsembleBacktest.run("total", series, BacktestPlan.defaults(), members(oracle),
                series.length() - 91);
        HorizonWeights weights = WeightLearner.learn(List.of(backtest));
        assertThat(weights.weight(Member.LSTM, 0)).isEqualTo(1.0);
        assertThat(weights.weight(Member.LSTM, 100)).isZero();
        assertThat(backtest.origins()).filteredOn(o -> o.actual().length > 91)
                .allSatisfy(o -> assertThat(o.forecasts()).doesNotContainKey(Member.LSTM));
    }

    @Test
    void noOriginScoresTheLstmOnDaysItsWeightsWereTrainedOn() {
        DailySeries series = weekly(400, 3, 5);
        int lstmCut = 350;
        List<Integer> seen = new ArrayList<>();
        Forecaster spy = (history, horizon) -> {
            seen.add(history.length());
            return PointForecast.of(new double[horizon]);
        };
        SeriesBacktest backtest = EnsembleBacktest.run("total", series, BacktestPlan.defaults(), members(spy),
                lstmCut);
        assertThat(seen).isNotEmpty().allSatisfy(length -> assertThat(length).isGreaterThanOrEqualTo(lstmCut));
        assertThat(backtest.origins()).filteredOn(o -> o.forecasts().containsKey(Member.LSTM))
                .allSatisfy(o -> assertThat(o.trainingLength()).isGreaterThanOrEqualTo(lstmCut));
        assertThat(BacktestPlan.defaults().shortOrigins(400, 0)).hasSize(13);
        assertThat(BacktestPlan.defaults().shortOrigins(400, lstmCut)).hasSize(7);
    }

    /** Cross-fitted bands: every origin is held out in exactly one fold and used for the weights of the others. */
    @Test
    void foldsHoldEveryOriginOutOnce() {
        DailySeries series = weekly(800, 5, 3);
        Map<Member, Forecaster> members = members(noise(3));
        members.remove(Member.LSTM);
        SeriesBacktest backtest = EnsembleBacktest.run("total", series, BacktestPlan.defaults(), members, 0);
        List<OriginForecasts> heldOut = new ArrayList<>();
        for (int k = 0; k < ProfileLearner.FOLDS; k++) {
            List<OriginForecasts> held = ProfileLearner.fold(List.of(backtest), k, true).get(0).origins();
            List<OriginForecasts> rest = ProfileLearner.fold(List.of(backtest), k, false).get(0).origins();
            assertThat(held).isNotEmpty().doesNotContainAnyElementsOf(rest);
            assertThat(held.size() + rest.size()).isEqualTo(backtest.origins().size());
            heldOut.addAll(held);
        }
        assertThat(heldOut).containsExactlyInAnyOrderElementsOf(backtest.origins());
    }

    /** Long series: origins 365 days before the end; short ones: after half a year, scored as far as data goes. */
    @Test
    void longOriginsReachOtherSeasonsInShortSeriesToo() {
        BacktestPlan plan = BacktestPlan.defaults();
        assertThat(plan.longOrigins(2000)).containsExactly(new BacktestPlan.LongOrigin(1453, 365),
                new BacktestPlan.LongOrigin(1544, 365), new BacktestPlan.LongOrigin(1635, 365));
        assertThat(plan.longOrigins(640)).containsExactly(new BacktestPlan.LongOrigin(184, 365),
                new BacktestPlan.LongOrigin(275, 365));
        assertThat(plan.longOrigins(400)).containsExactly(new BacktestPlan.LongOrigin(182, 218));
        assertThat(plan.longOrigins(182)).isEmpty();
    }

    /**
     * A series served with a yearly seasonality (two years or more) backtests its long-range members only from
     * origins with a whole year of history, which can fit one too: 366 days, not 182.
     */
    @Test
    void longOriginsOfASeriesServedWithAYearlySeasonalityHaveAYearOfHistory() {
        BacktestPlan plan = BacktestPlan.defaults();
        assertThat(plan.longOrigins(730)).containsExactly(new BacktestPlan.LongOrigin(183, 365),
                new BacktestPlan.LongOrigin(274, 365), new BacktestPlan.LongOrigin(365, 365));
        assertThat(plan.longOrigins(735)).containsExactly(new BacktestPlan.LongOrigin(370, 365));
        assertThat(plan.longOrigins(1000)).containsExactly(new BacktestPlan.LongOrigin(453, 365),
                new BacktestPlan.LongOrigin(544, 365), new BacktestPlan.LongOrigin(635, 365));
    }

    /**
     * Out of sample: calibrate on the first 500 days of each simulated series, then serve forecasts from later
     * origins and count how often the next 28 days fall inside the 80% band.
     */
    @Test
    void intervalsCoverWhatTheyClaimOnFreshDataFromTheSameProcess() {
        int covered = 0;
        int points = 0;
        for (int s = 0; s < 12; s++) {
            DailySeries series = weekly(640, 5, 100 + s);
            DailySeries learning = series.head(500);
            Map<Member, Forecaster> members = members(noise(s));
            members.remove(Member.LSTM);
            SeriesBacktest backtest = EnsembleBacktest.run("total", learning, BacktestPlan.defaults(), members, 0);
            SeriesProfile profile = ProfileLearner.learn(List.of(backtest), 0.8, Optional.empty()).orElseThrow();
            for (int origin = 500; origin + 28 <= 640; origin += 28) {
                DailySeries history = series.head(origin);
                Map<Member, double[]> forecasts = new EnumMap<>(Member.class);
                forecasts.put(Member.ADDITIVE, AdditiveModel.forecaster(POINT_ONLY).forecast(history, 28).yhat());
                forecasts.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(history.values(), 28, 7));
                EnsembleForecast f = Blend.calibrated(history, forecasts, profile,
                        BandScale.of(history.values(), origin,
                                EnsembleCalibration.DEFAULT_BAND_RULE.scaleDays()), 28);
                for (int d = 0; d < 28; d++) {
                    double actual = series.values()[origin + d];
                    points++;
                    if (actual >= f.lower()[d] && actual <= f.upper()[d]) {
                        covered++;
                    }
                }
            }
        }
        assertThat(covered / (double) points).isCloseTo(0.80, within(0.03));
    }
}
