package org.stockcast.model.ensemble;

import java.util.List;

/** Every backtest origin of one series ({@link SeriesKey} name), oldest first. */
public record SeriesBacktest(String key, List<OriginForecasts> origins) {
    public SeriesBacktest {
        origins = List.copyOf(origins);
    }
}
