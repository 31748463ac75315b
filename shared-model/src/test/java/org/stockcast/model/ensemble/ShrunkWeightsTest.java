package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.HorizonBucket;

class ShrunkWeightsTest {
    private static final List<Member> GOOD = List.of(Member.ADDITIVE, Member.LSTM, Member.HOLT_WINTERS);

    /**
     * 13 weekly origins, each scored to the end of a 91-day holdout: the actual is 50 + noise; the three good members are equally good and
     * independent, each off by its own bias for the whole origin (sd 3) plus daily noise, so the backtest can tell
     * them apart only by luck; seasonal-naive is twice as far off. Equal weights over the good ones are the best
     * weights on fresh origins from the same process.
     */
    private static SeriesBacktest backtest(Random random) {
        List<OriginForecasts> origins = new ArrayList<>();
        for (int k = 0; k < 13; k++) {
            int days = 91 - 7 * k;
            double[] actual = new double[days];
            Map<Member, double[]> forecasts = new EnumMap<>(Member.class);
            Map<Member, Double> bias = new EnumMap<>(Member.class);
            for (Member m : List.of(Member.ADDITIVE, Member.LSTM, Member.SEASONAL_NAIVE, Member.HOLT_WINTERS)) {
                forecasts.put(m, new double[days]);
                bias.put(m, (m == Member.SEASONAL_NAIVE ? 6 : 3) * random.nextGaussian());
            }
            for (int d = 0; d < days; d++) {
                actual[d] = 50 + 2 * random.nextGaussian();
                for (Map.Entry<Member, double[]> f : forecasts.entrySet()) {
                    f.getValue()[d] = 50 + bias.get(f.getKey()) + 2 * random.nextGaussian();
                }
            }
            origins.add(new OriginForecasts(400 + 7 * k, 5, actual, forecasts));
        }
        return new SeriesBacktest(SeriesKey.TOTAL, origins, WeightLoss.ABSOLUTE);
    }

    /**
     * The expected absolute error of the blend on a fresh origin of {@link #backtest}'s process, over its first three
     * buckets: the blend's error is normal with variance sum w^2 (bias variance + 4) + 4, and E|N(0, v)| is
     * sqrt(2 v / pi).
     */
    private static double expectedError(HorizonWeights weights) {
        double sum = 0;
        for (HorizonBucket bucket : List.of(HorizonBucket.DAYS_1_7, HorizonBucket.DAYS_8_28,
                HorizonBucket.DAYS_29_91)) {
            double variance = 4;
            for (Map.Entry<Member, Double> w : weights.buckets().get(bucket).entrySet()) {
                double bias = w.getKey() == Member.SEASONAL_NAIVE ? 6 : 3;
                variance += w.getValue() * w.getValue() * (bias * bias + 4);
            }
            sum += Math.sqrt(2 * variance / Math.PI);
        }
        return sum / 3;
    }

    private static HorizonWeights learned(SeriesBacktest backtest, EnsembleCalibration.WeightPrior prior) {
        return ShrunkWeights.learn(List.of(backtest), prior).get(backtest.key());
    }

    /** The served default, through the whole calibration. */
    private static HorizonWeights served(SeriesBacktest backtest) {
        return EnsembleCalibration.learn(List.of(backtest), 0.8, Optional.empty()).orElseThrow()
                .series().get(backtest.key()).weights();
    }

    @Test
    void theDefaultPriorBeatsTheBareGridWeightsOnFreshDataWhenTheBacktestCannotTellTheMembersApart() {
        Random random = new Random(11);
        double grid = 0;
        double byDefault = 0;
        for (int s = 0; s < 30; s++) {
            SeriesBacktest learning = backtest(random);
            grid += expectedError(learned(learning, EnsembleCalibration.WeightPrior.NONE));
            byDefault += expectedError(served(learning));
        }
        assertThat(byDefault).isLessThan(0.99 * grid);
    }

    @Test
    void withoutAPriorTheShrunkWeightsAreTheGridPoint() {
        SeriesBacktest backtest = backtest(new Random(5));
        HorizonWeights weights = learned(backtest, EnsembleCalibration.WeightPrior.NONE);
        BucketPoints points = BucketPoints.of(HorizonBucket.DAYS_1_7, List.of(backtest));
        for (Member m : GOOD) {
            double w = weights.buckets().get(HorizonBucket.DAYS_1_7).getOrDefault(m, 0.0);
            assertThat(w * 10).as(m.name()).isCloseTo(Math.rint(w * 10), within(1e-9));
        }
        assertThat(WeightLearner.best(points)).isEqualTo(weights.buckets().get(HorizonBucket.DAYS_1_7));
    }

    @Test
    void halfWayToEqualSplitsTheDifferenceAndLeavesSeasonalNaiveOut() {
        SeriesBacktest backtest = backtest(new Random(5));
        Map<Member, Double> grid = learned(backtest, EnsembleCalibration.WeightPrior.NONE).buckets()
                .get(HorizonBucket.DAYS_1_7);
        Map<Member, Double> half = learned(backtest, EnsembleCalibration.WeightPrior.EQUAL_HALF).buckets()
                .get(HorizonBucket.DAYS_1_7);
        Map<Member, Double> equal = WeightLearner.confidenceSet(BucketPoints.of(HorizonBucket.DAYS_1_7,
                List.of(backtest)));
        assertThat(equal).doesNotContainKey(Member.SEASONAL_NAIVE);
        for (Member m : GOOD) {
            assertThat(half.getOrDefault(m, 0.0)).as(m.name()).isCloseTo(
                    0.5 * grid.getOrDefault(m, 0.0) + 0.5 * equal.getOrDefault(m, 0.0), within(1e-9));
        }
    }

    @Test
    void stockWatsonKeepsTheEstimatedWeightsOnlyWithManyOriginsPerMember() {
        assertThat(ShrunkWeights.stockWatson(4, 8)).isEqualTo(1.0);
        assertThat(ShrunkWeights.stockWatson(4, 13)).isCloseTo(4 / 9.0, within(1e-12));
        assertThat(ShrunkWeights.stockWatson(4, 404)).isCloseTo(0.01, within(1e-12));
    }

    @Test
    void theServedDefaultGivesAUselessLstmNoWeight() {
        var series = HorizonEnsembleTest.weekly(500, 3, 1);
        SeriesBacktest backtest = EnsembleBacktest.run(SeriesKey.TOTAL, series, BacktestPlan.defaults(),
                HorizonEnsembleTest.members(HorizonEnsembleTest.noise(7)), series.length() - 91);
        HorizonWeights weights = served(backtest);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            assertThat(weights.buckets().get(bucket).getOrDefault(Member.LSTM, 0.0)).as(bucket.label())
                    .isLessThanOrEqualTo(0.05);
        }
    }
}
