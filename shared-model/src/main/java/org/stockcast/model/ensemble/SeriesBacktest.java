package org.stockcast.model.ensemble;

import java.util.List;

/** Every backtest origin of one series ({@link SeriesKey} name), oldest first, and what its weights minimise. */
public record SeriesBacktest(String key, List<OriginForecasts> origins, WeightLoss loss) {
    public SeriesBacktest {
        origins = List.copyOf(origins);
    }
}
