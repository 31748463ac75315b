package org.stockcast.model.ensemble;

import java.util.List;
import java.util.Map;
import org.stockcast.model.backtest.HorizonBucket;

/**
 * What the backtest taught about one series (or a pool of them): the horizon weights, the interval band per
 * horizon bucket, and the blend's out-of-sample error paths (one per short origin, day 0 = the first day after
 * the origin, in units of the origin's MASE scale, NaN where the actual was missing) for the inventory policy.
 */
public record SeriesProfile(HorizonWeights weights, Map<HorizonBucket, Band> bands, List<double[]> errorPaths) {
    public SeriesProfile {
        if (bands.size() != HorizonBucket.values().length) {
            throw new IllegalArgumentException("a band per horizon bucket is required");
        }
        bands = Map.copyOf(bands);
        errorPaths = List.copyOf(errorPaths);
    }

    public Band band(int dayIndex) {
        return bands.get(HorizonBucket.ofIndex(dayIndex));
    }
}
