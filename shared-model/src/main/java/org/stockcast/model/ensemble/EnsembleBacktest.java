package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.dataset.DailySeries;

/**
 * The rolling-origin backtest behind the ensemble's weights and intervals: every member forecasts from each
 * origin of a {@link BacktestPlan} and is scored only on days after that origin. Members refitted per origin see
 * nothing after it; the LSTM member must be one whose weights were trained on data before the holdout
 * (the caller's {@code lstmCut}), which is why it takes part in the short origins only.
 */
public final class EnsembleBacktest {
    private EnsembleBacktest() {
    }

    /**
     * @param members  the members to score, each as a fit-and-forecast function of the history before an origin
     * @param lstmCut  days of this series the scored LSTM was trained on (ignored without an LSTM member)
     */
    public static SeriesBacktest run(String key, DailySeries series, BacktestPlan plan, Map<Member, Forecaster> members,
                                     int lstmCut) {
        int n = series.length();
        List<OriginForecasts> origins = new ArrayList<>();
        int cut = members.containsKey(Member.LSTM) ? lstmCut : 0;
        for (BacktestPlan.LongOrigin longOrigin : plan.longOrigins(n)) {
            origins.add(origin(series, longOrigin.length(), longOrigin.horizon(), plan, members, true));
        }
        for (int length : plan.shortOrigins(n, cut)) {
            origins.add(origin(series, length, Math.min(plan.holdoutDays(), n - length), plan, members, false));
        }
        return new SeriesBacktest(key, origins, WeightLoss.of(series.values()), series.values());
    }

    private static OriginForecasts origin(DailySeries series, int length, int horizon, BacktestPlan plan,
                                          Map<Member, Forecaster> members, boolean longRange) {
        DailySeries history = series.head(length);
        double[] actual = Arrays.copyOfRange(series.values(), length, length + horizon);
        Map<Member, double[]> forecasts = new EnumMap<>(Member.class);
        for (Map.Entry<Member, Forecaster> member : members.entrySet()) {
            if (longRange && !member.getKey().refitPerOrigin()) {
                continue;
            }
            double[] yhat = member.getValue().forecast(history, horizon).yhat();
            forecasts.put(member.getKey(), nonNegative(Arrays.copyOf(yhat, horizon)));
        }
        double scale = Backtest.naiveScale(series.values(), length, plan.seasonality());
        return new OriginForecasts(length, scale, actual, forecasts);
    }

    /** Sales cannot be negative: members are scored as they are served, floored at 0. */
    private static double[] nonNegative(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, values[i]);
        }
        return values;
    }
}
