package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.HorizonBucket;

class WeightLearnerTest {

    /**
     * Two backtest origins' worth of points per block, {@code blocks} origins: the actual is 100 + noise, member A
     * forecasts it with error sd 1, member B with sd 1 too (an equal twin), member C is 20 units off.
     */
    private static BucketPoints points(int blocks, long seed) {
        Random random = new Random(seed);
        int perBlock = 7;
        int n = blocks * perBlock;
        double[] actual = new double[n];
        double[] scale = new double[n];
        double[][] forecast = new double[3][n];
        int[] origin = new int[n];
        for (int i = 0; i < n; i++) {
            actual[i] = 100 + 5 * random.nextGaussian();
            scale[i] = 5;
            forecast[0][i] = actual[i] + random.nextGaussian();
            forecast[1][i] = actual[i] + random.nextGaussian();
            forecast[2][i] = actual[i] + 20;
            origin[i] = 1 + i / perBlock;
        }
        return new BucketPoints(HorizonBucket.DAYS_1_7, List.of(Member.ADDITIVE, Member.HOLT_WINTERS,
                Member.SEASONAL_NAIVE), actual, scale, forecast, origin, losses(n));
    }

    private static WeightLoss[] losses(int n) {
        WeightLoss[] loss = new WeightLoss[n];
        java.util.Arrays.fill(loss, WeightLoss.ABSOLUTE);
        return loss;
    }

    @Test
    void theConfidenceSetKeepsEqualTwinsAndDropsAClearlyWorseMember() {
        Map<Member, Double> weights = WeightLearner.confidenceSet(points(13, 3));
        assertThat(weights).containsOnlyKeys(Member.ADDITIVE, Member.HOLT_WINTERS);
        assertThat(weights.get(Member.ADDITIVE)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void withOneOriginOnlyTheBestMemberServes() {
        Map<Member, Double> weights = WeightLearner.confidenceSet(points(1, 3));
        assertThat(weights).hasSize(1);
        assertThat(weights.values()).containsExactly(1.0);
        assertThat(weights).doesNotContainKey(Member.SEASONAL_NAIVE);
    }

    @Test
    void theGridHasEveryCompositionOnce() {
        assertThat(WeightLearner.grid(3)).hasSize(231);
        assertThat(WeightLearner.grid(5)).hasSize(1001);
        for (double[] w : WeightLearner.grid(4)) {
            double sum = 0;
            for (double v : w) {
                assertThat(v).isGreaterThanOrEqualTo(0);
                sum += v;
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
        }
    }

    /** Demand of 20 every 20th day; member A forecasts the rate 1, member B forecasts 0 (what MAE rewards). */
    private static BucketPoints sparse(WeightLoss loss) {
        int n = 400;
        double[] actual = new double[n];
        double[] scale = new double[n];
        double[][] forecast = new double[2][n];
        int[] origin = new int[n];
        WeightLoss[] losses = new WeightLoss[n];
        for (int i = 0; i < n; i++) {
            actual[i] = i % 20 == 7 ? 20 : 0;
            scale[i] = 2;
            forecast[0][i] = 1;
            origin[i] = 1 + i / 7;
            losses[i] = loss;
        }
        return new BucketPoints(HorizonBucket.DAYS_1_7, List.of(Member.INTERMITTENT, Member.SEASONAL_NAIVE), actual,
                scale, forecast, origin, losses);
    }

    @Test
    void onIntermittentDemandTheSquaredLossWeightsTheRateNotTheZeros() {
        assertThat(WeightLearner.best(sparse(WeightLoss.ABSOLUTE))).containsEntry(Member.SEASONAL_NAIVE, 1.0);
        assertThat(WeightLearner.best(sparse(WeightLoss.SQUARED)).getOrDefault(Member.INTERMITTENT, 0.0))
                .isGreaterThan(0.5);
        double[] intermittent = new double[200];
        double[] smooth = new double[200];
        for (int i = 0; i < 200; i++) {
            intermittent[i] = i % 20 == 3 ? 15 : 0;
            smooth[i] = 40 + i % 7;
        }
        assertThat(WeightLoss.of(intermittent)).isEqualTo(WeightLoss.SQUARED);
        assertThat(WeightLoss.of(smooth)).isEqualTo(WeightLoss.ABSOLUTE);
    }
}
