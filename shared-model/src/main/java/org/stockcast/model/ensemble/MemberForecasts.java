package org.stockcast.model.ensemble;

import java.util.EnumMap;
import java.util.Map;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.intermittent.Intermittent;
import org.stockcast.model.intermittent.IntermittentMethod;
import org.stockcast.model.smoothing.HoltWinters;

/**
 * The served members' forecasts of one history. The models fitted per request (Holt-Winters, SBA) are fitted only
 * when the series' weights use them: a few milliseconds each, but not worth spending for a weight of 0.
 */
final class MemberForecasts {
    private MemberForecasts() {
    }

    static Map<Member, double[]> of(DailySeries history, double[] additive, double[] lstm, HorizonWeights weights,
                                    int days, int season) {
        Map<Member, double[]> members = new EnumMap<>(Member.class);
        members.put(Member.ADDITIVE, additive);
        members.put(Member.LSTM, lstm);
        members.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(history.values(), days, season));
        if (weights.uses(Member.HOLT_WINTERS, days)) {
            members.put(Member.HOLT_WINTERS, HoltWinters.fit(history.values(), season).forecast(days));
        }
        if (weights.uses(Member.INTERMITTENT, days)) {
            members.put(Member.INTERMITTENT, Intermittent.fit(history.values(), IntermittentMethod.SBA)
                    .forecast(days));
        }
        return members;
    }
}
