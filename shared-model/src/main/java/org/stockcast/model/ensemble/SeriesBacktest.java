package org.stockcast.model.ensemble;

import java.util.List;

/**
 * Every backtest origin of one series ({@link SeriesKey} name), oldest first, and what its weights minimise.
 * {@code values} is the series the origins were cut from (their band scales over recent windows come from it;
 * empty when unknown: every origin then keeps its whole-history scale).
 */
public record SeriesBacktest(String key, List<OriginForecasts> origins, WeightLoss loss, double[] values) {
    public SeriesBacktest {
        origins = List.copyOf(origins);
        values = values == null ? new double[0] : values;
    }

    public SeriesBacktest(String key, List<OriginForecasts> origins, WeightLoss loss) {
        this(key, origins, loss, new double[0]);
    }

    /**
     * The band scale of one of this series' origins under a {@link BandScale} window of {@code days} (0 = the
     * whole history, the origin's MASE scale); not positive where the origin has no MASE scale (it is left out).
     */
    double bandScale(OriginForecasts origin, int days) {
        if (days == 0 || values.length < origin.trainingLength() || !(origin.scale() > 0)) {
            return origin.scale();
        }
        return BandScale.of(values, origin.trainingLength(), days);
    }
}
