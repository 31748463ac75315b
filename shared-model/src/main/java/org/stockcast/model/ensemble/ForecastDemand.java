package org.stockcast.model.ensemble;

import java.util.Arrays;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.intermittent.FittedIntermittent;
import org.stockcast.model.intermittent.Intermittency;
import org.stockcast.model.intermittent.Intermittent;
import org.stockcast.model.intermittent.IntermittentDemand;
import org.stockcast.model.intermittent.IntermittentMethod;
import org.stockcast.model.stock.DemandDistribution;
import org.stockcast.model.stock.EmpiricalDemand;
import org.stockcast.model.stock.ErrorPaths;
import org.stockcast.model.stock.NoiseDemand;

/**
 * The predictive demand distribution the inventory policy draws from, by series: an intermittent or lumpy history
 * (Syntetos-Boylan class of its last year) gets SBA's compound distribution (Bernoulli demand days, the item's own
 * sizes), since a sum of a few lumpy demands is nothing like normal; any other series the blend's out-of-sample
 * error paths around its forecast, or normal daily noise when the version has none.
 */
public final class ForecastDemand {
    /** The class is judged on the last year: an item that turned intermittent recently is intermittent now. */
    static final int CLASS_WINDOW_DAYS = 365;
    /** SBA is fitted on the last three years, as the ensemble's member is. */
    static final int FIT_WINDOW_DAYS = 1095;
    static final int OUTCOMES = 4000;
    static final long SEED = 20_251_203L;

    private ForecastDemand() {
    }

    public static DemandDistribution of(EnsembleForecast forecast) {
        return of(forecast.history(), forecast.forecast(), forecast.errorPaths());
    }

    public static DemandDistribution of(DailySeries history, double[] forecast, ErrorPaths errorPaths) {
        double[] values = history.values();
        if (intermittentNow(values)) {
            FittedIntermittent sba = Intermittent.fit(tail(values, FIT_WINDOW_DAYS), IntermittentMethod.SBA);
            return new IntermittentDemand(sba, forecast.length, OUTCOMES, SEED);
        }
        NoiseDemand noise = NoiseDemand.of(history, forecast);
        return errorPaths.isEmpty() ? noise : new EmpiricalDemand(forecast, errorPaths, noise);
    }

    /**
     * Whether the last year of {@code values} is of an intermittent or lumpy Syntetos-Boylan class: the inventory
     * advice then draws from SBA's distribution, and the weights lean towards SBA ({@link ShrunkWeights}).
     */
    static boolean intermittentNow(double[] values) {
        return Intermittency.of(tail(values, CLASS_WINDOW_DAYS)).pattern().intermittent();
    }

    private static double[] tail(double[] values, int days) {
        return Arrays.copyOfRange(values, Math.max(0, values.length - days), values.length);
    }
}
