package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * The scored points of one horizon bucket over a set of backtests: actual, scale and each member's forecast.
 * The widest member set among the origins reaching the bucket takes part, from the origins that have all of it:
 * where the LSTM was scored (short origins) the long origins, which lack it, are left out; beyond the holdout only
 * long origins reach, and the refitted members decide. Missing actuals and origins with a zero scale are left out.
 */
record BucketPoints(HorizonBucket bucket, List<Member> members, double[] actual, double[] scale, double[][] forecast,
                    int[] origin, WeightLoss[] loss) {

    int size() {
        return actual.length;
    }

    static BucketPoints of(HorizonBucket bucket, List<SeriesBacktest> backtests) {
        Set<Member> widest = EnumSet.noneOf(Member.class);
        for (SeriesBacktest backtest : backtests) {
            for (OriginForecasts o : backtest.origins()) {
                if (scores(o, bucket) && o.forecasts().size() > widest.size()) {
                    widest = EnumSet.copyOf(o.forecasts().keySet());
                }
            }
        }
        List<Member> members = List.copyOf(widest);
        List<double[]> rows = new ArrayList<>();
        int originIndex = 0;
        for (SeriesBacktest backtest : backtests) {
            for (OriginForecasts o : backtest.origins()) {
                originIndex++;
                if (!scores(o, bucket) || !(o.scale() > 0) || !o.forecasts().keySet().containsAll(members)) {
                    continue;
                }
                int from = bucket.first() - 1;
                int to = Math.min(bucket.last(), o.actual().length);
                for (int d = from; d < to; d++) {
                    if (Double.isNaN(o.actual()[d])) {
                        continue;
                    }
                    double[] row = new double[4 + members.size()];
                    row[0] = o.actual()[d];
                    row[1] = o.scale();
                    row[2] = originIndex;
                    row[3] = backtest.loss().ordinal();
                    for (int m = 0; m < members.size(); m++) {
                        row[4 + m] = o.forecasts().get(members.get(m))[d];
                    }
                    rows.add(row);
                }
            }
        }
        double[] actual = new double[rows.size()];
        double[] scale = new double[rows.size()];
        int[] origin = new int[rows.size()];
        WeightLoss[] loss = new WeightLoss[rows.size()];
        double[][] forecast = new double[members.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            actual[i] = row[0];
            scale[i] = row[1];
            origin[i] = (int) row[2];
            loss[i] = WeightLoss.values()[(int) row[3]];
            for (int m = 0; m < members.size(); m++) {
                forecast[m][i] = row[4 + m];
            }
        }
        return new BucketPoints(bucket, members, actual, scale, forecast, origin, loss);
    }

    /** Whether an origin has any scored day inside the bucket. */
    private static boolean scores(OriginForecasts o, HorizonBucket bucket) {
        return bucket.first() - 1 < Math.min(bucket.last(), o.actual().length);
    }

    /**
     * Mean scaled loss of the blend with {@code weights} (indexed like {@link #members}): absolute or squared per
     * point, as its series' {@link WeightLoss} says.
     */
    double loss(double[] weights) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += loss[i].of(actual[i] - blend(weights, i), scale[i]);
        }
        return sum / actual.length;
    }

    /** One member's scaled loss at one point. */
    double memberLoss(int member, int point) {
        return loss[point].of(actual[point] - forecast[member][point], scale[point]);
    }

    double blend(double[] weights, int point) {
        double f = 0;
        for (int m = 0; m < weights.length; m++) {
            f += weights[m] * forecast[m][point];
        }
        return f;
    }
}
