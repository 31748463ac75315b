package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stockcast.model.backtest.HorizonBucket;

class LongOriginsTest {
    private static final List<HorizonBucket> SHORT = List.of(HorizonBucket.DAYS_1_7, HorizonBucket.DAYS_8_28,
            HorizonBucket.DAYS_29_91);

    /**
     * A seasonal series as the service backtests it: 13 weekly short origins in the last quarter, where the
     * additive model, Holt-Winters and the LSTM are equally good (each off by its own bias per origin, sd 3), and
     * three long origins (no LSTM) from other seasons, where Holt-Winters, without a yearly season, is off by
     * {@code offSeason} and the additive model is as good as in the last quarter.
     */
    private static SeriesBacktest backtest(Random random, double offSeason) {
        List<OriginForecasts> origins = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            origins.add(origin(random, 200 + 91 * k, 365, offSeason, false));
        }
        for (int k = 0; k < 13; k++) {
            origins.add(origin(random, 500 + 7 * k, 91 - 7 * k, 0, true));
        }
        return new SeriesBacktest(SeriesKey.TOTAL, origins, WeightLoss.ABSOLUTE);
    }

    private static OriginForecasts origin(Random random, int length, int days, double holtWintersOff, boolean lstm) {
        List<Member> members = new ArrayList<>(List.of(Member.ADDITIVE, Member.SEASONAL_NAIVE, Member.HOLT_WINTERS));
        if (lstm) {
            members.add(Member.LSTM);
        }
        Map<Member, Double> bias = new EnumMap<>(Member.class);
        for (Member m : members) {
            bias.put(m, (m == Member.SEASONAL_NAIVE ? 6 : 3) * random.nextGaussian()
                    + (m == Member.HOLT_WINTERS ? holtWintersOff : 0));
        }
        double[] actual = new double[days];
        Map<Member, double[]> forecasts = new EnumMap<>(Member.class);
        members.forEach(m -> forecasts.put(m, new double[days]));
        for (int d = 0; d < days; d++) {
            actual[d] = 50 + 2 * random.nextGaussian();
            for (Member m : members) {
                forecasts.get(m)[d] = 50 + bias.get(m) + 2 * random.nextGaussian();
            }
        }
        return new OriginForecasts(length, 5, actual, forecasts);
    }

    private static double weight(SeriesBacktest backtest, EnsembleCalibration.WeightPrior prior,
                                 HorizonBucket bucket, Member member) {
        return ShrunkWeights.learn(List.of(backtest), prior).get(backtest.key()).buckets().get(bucket)
                .getOrDefault(member, 0.0);
    }

    @Test
    void theLongOriginsTakeTheWeightOfAMemberTheyShowWorseInOtherSeasons() {
        Random random = new Random(3);
        double without = 0;
        double with = 0;
        for (int s = 0; s < 20; s++) {
            SeriesBacktest backtest = backtest(random, 12);
            for (HorizonBucket bucket : SHORT) {
                without += weight(backtest, EnsembleCalibration.WeightPrior.NONE, bucket, Member.HOLT_WINTERS);
                with += weight(backtest, EnsembleCalibration.WeightPrior.LONG_GRID, bucket, Member.HOLT_WINTERS);
            }
        }
        // without them Holt-Winters gets about a third of the short buckets, as the other two
        assertThat(without / 60).isGreaterThan(0.2);
        assertThat(with / 60).isLessThan(0.1);
    }

    @Test
    void theLongOriginsLeaveTheLstmItsShareWhenTheRefittedMembersAreAlike() {
        Random random = new Random(4);
        double without = 0;
        double with = 0;
        for (int s = 0; s < 20; s++) {
            SeriesBacktest backtest = backtest(random, 0);
            for (HorizonBucket bucket : SHORT) {
                without += weight(backtest, EnsembleCalibration.WeightPrior.NONE, bucket, Member.LSTM);
                with += weight(backtest, EnsembleCalibration.WeightPrior.LONG_GRID, bucket, Member.LSTM);
            }
        }
        assertThat(with / 60).isCloseTo(without / 60, within(0.08));
    }

    @Test
    void theLstmAloneGetsTheLongOriginsLeastLoss() {
        SeriesBacktest backtest = backtest(new Random(5), 12);
        List<Member> members = List.of(Member.ADDITIVE, Member.LSTM, Member.HOLT_WINTERS);
        List<double[]> grid = List.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1},
                new double[] {0.5, 0.5, 0});
        List<OriginForecasts> longs = backtest.origins().subList(0, 3);
        BucketPoints points = BucketPoints.of(HorizonBucket.DAYS_1_7,
                List.of(new SeriesBacktest(SeriesKey.TOTAL, longs, WeightLoss.ABSOLUTE)));
        double[] relative = LongOrigins.relative(members, grid, points);
        assertThat(relative[1]).isEqualTo(Math.min(relative[0], relative[2]));
        // half additive, half LSTM: judged as the additive model alone
        assertThat(relative[3]).isEqualTo(relative[0]);
        assertThat(relative[2]).isGreaterThan(relative[0]);
    }
}
