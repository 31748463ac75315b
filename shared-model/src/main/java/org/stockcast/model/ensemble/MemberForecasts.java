package org.stockcast.model.ensemble;

import java.util.EnumMap;
import java.util.Map;
import org.stockcast.model.backtest.Backtest;
import org.stockcast.model.forecaster.Forecaster;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.intermittent.Intermittent;
import org.stockcast.model.intermittent.IntermittentMethod;
import org.stockcast.model.smoothing.HoltWinters;

/**
 * The served members' forecasts of one history. The models fitted per request (Holt-Winters, SBA) are fitted only
 * when the series' weights use them: a few milliseconds each, but not worth spending for a weight of 0.
 */
public final class MemberForecasts {
    /**
     * Holt-Winters and SBA see the last three years only: a weekly season and a smoothed level forget older days
     * anyway, and on a 20,000-day series a full-history fit at every backtest origin took the evaluate stage to 38%
     * of the retrain (the accuracy benchmark's seed run).
     */
    public static final int RECENT_DAYS = 1_095;

    private MemberForecasts() {
    }

    /** The backtest's Holt-Winters member (refitted per origin on its recent days). */
    public static Forecaster holtWinters(int season) {
        Forecaster fit = HoltWinters.forecaster(season);
        return (history, horizon) -> fit.forecast(history.tail(RECENT_DAYS), horizon);
    }

    /** The backtest's SBA member (refitted per origin on its recent days). */
    public static Forecaster intermittent() {
        Forecaster fit = Intermittent.forecaster(IntermittentMethod.SBA);
        return (history, horizon) -> fit.forecast(history.tail(RECENT_DAYS), horizon);
    }

    static Map<Member, double[]> of(DailySeries history, double[] additive, double[] lstm, HorizonWeights weights,
                                    int days, int season) {
        Map<Member, double[]> members = new EnumMap<>(Member.class);
        members.put(Member.ADDITIVE, additive);
        members.put(Member.LSTM, lstm);
        members.put(Member.SEASONAL_NAIVE, Backtest.seasonalNaive(history.values(), days, season));
        if (weights.uses(Member.HOLT_WINTERS, days)) {
            members.put(Member.HOLT_WINTERS, holtWinters(season).forecast(history, days).yhat());
        }
        if (weights.uses(Member.INTERMITTENT, days)) {
            members.put(Member.INTERMITTENT, intermittent().forecast(history, days).yhat());
        }
        return members;
    }
}
