package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.dataset.SalesFilter;

/**
 * The backtest's verdict that a version serves: a profile (weights, interval bands, error paths) for every
 * backtested series by {@link SeriesKey}, and one pooled over the backtested series of each kind for every other
 * series (products not in the backtest sample, on-demand filters).
 *
 * @param intervalWidth the nominal coverage of the bands, e.g. 0.8
 */
public record EnsembleCalibration(double intervalWidth, Map<String, SeriesProfile> series,
                                  Map<SeriesKind, SeriesProfile> pooled) {
    /** Where a backtested series' weights come from: its own backtest, its kind's pool, or its own shrunk to it. */
    public enum WeightSource { SERIES, KIND, SHRUNK }

    /**
     * How weights are learned from backtest points: the grid point minimising the blend's MASE, or equal weights
     * over the members not significantly worse than the best (see {@code WeightLearner}).
     */
    public enum WeightMethod { GRID, CONFIDENCE_SET }

    /**
     * What shrunk grid weights are pulled towards (see {@code ShrunkWeights}): nothing; the weights of every bucket
     * together; equal weights over the members not significantly worse than the best (seasonal-naive left out),
     * half-way, by Stock and Watson's rule for the number of origins, or fully unless the backtest shows them
     * significantly worse than the grid weights.
     */
    public enum WeightPrior {
        NONE, HORIZONS, EQUAL_HALF, EQUAL_STOCK_WATSON, EQUAL_UNLESS_WORSE;

        boolean towardsEqual() {
            return this != NONE && this != HORIZONS;
        }
    }

    /** Where a backtested series' interval bands come from: its own blend errors or its kind's pool. */
    public enum BandSource { SERIES, KIND }

    /**
     * Which errors the bands are quantiles of: the blend's errors on the origins its weights were learned on, or
     * cross-fitted ones (weights learned on every other origin, errors taken on the rest, and the other way round).
     */
    public enum BandErrors { IN_SAMPLE, CROSS_FITTED }

    /** The choice the accuracy benchmark supports (BENCHMARKS.md, "Forecast accuracy"). */
    public static final WeightSource DEFAULT_WEIGHTS = WeightSource.SHRUNK;
    public static final BandSource DEFAULT_BANDS = BandSource.KIND;
    public static final WeightMethod DEFAULT_METHOD = WeightMethod.GRID;
    public static final BandErrors DEFAULT_BAND_ERRORS = BandErrors.CROSS_FITTED;
    public static final WeightPrior DEFAULT_PRIOR = WeightPrior.EQUAL_HALF;

    public EnsembleCalibration {
        series = Map.copyOf(series);
        pooled = Map.copyOf(pooled);
        if (pooled.size() != SeriesKind.values().length) {
            throw new IllegalArgumentException("a pooled profile per series kind is required");
        }
    }

    /** The series' own profile when it was backtested, else its kind's pool. */
    public SeriesProfile profile(SalesFilter filter) {
        return SeriesKey.of(filter).map(series::get).orElseGet(() -> pooled.get(SeriesKind.of(filter)));
    }

    /**
     * Learns every profile. A kind with no backtested series pools all of them. Empty when nothing could be
     * backtested (every series too short).
     *
     * @param fixed weights to serve instead of learned ones (fixed weighting mode)
     */
    public static Optional<EnsembleCalibration> learn(List<SeriesBacktest> backtests, double intervalWidth,
                                                      Optional<HorizonWeights> fixed) {
        return learn(backtests, intervalWidth, fixed, DEFAULT_METHOD, DEFAULT_WEIGHTS, DEFAULT_BANDS,
                DEFAULT_BAND_ERRORS,
                DEFAULT_PRIOR);
    }

    /**
     * With {@link WeightMethod#CONFIDENCE_SET}, {@link WeightSource#SHRUNK} sets the series' own points beside its
     * kind's pool (which holds them too), so its own evidence counts twice.
     */
    public static Optional<EnsembleCalibration> learn(List<SeriesBacktest> backtests, double intervalWidth,
                                                      Optional<HorizonWeights> fixed, WeightMethod method,
                                                      WeightSource weightSource, BandSource bandSource,
                                                      BandErrors bandErrors,
                                                      WeightPrior prior) {
        Map<SeriesKind, List<SeriesBacktest>> byKind = new EnumMap<>(SeriesKind.class);
        for (SeriesBacktest backtest : backtests) {
            SeriesKey.filter(backtest.key()).ifPresent(filter ->
                    byKind.computeIfAbsent(SeriesKind.of(filter), k -> new ArrayList<>()).add(backtest));
        }
        Optional<SeriesProfile> all = ProfileLearner.learn(backtests, intervalWidth, fixed, method, bandErrors);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Map<SeriesKind, SeriesProfile> pooled = new EnumMap<>(SeriesKind.class);
        for (SeriesKind kind : SeriesKind.values()) {
            List<SeriesBacktest> group = byKind.getOrDefault(kind, List.of());
            pooled.put(kind, ProfileLearner.learn(group, intervalWidth, fixed, method, bandErrors)
                    .orElse(all.get()));
        }
        Map<String, HorizonWeights> shrunk = new LinkedHashMap<>();
        if (fixed.isEmpty() && weightSource == WeightSource.SHRUNK && method == WeightMethod.GRID) {
            byKind.values().forEach(group -> shrunk.putAll(ShrunkWeights.learn(group, prior)));
        }
        Map<String, SeriesProfile> own = new LinkedHashMap<>();
        for (SeriesBacktest backtest : backtests) {
            SeriesKind kind = SeriesKey.filter(backtest.key()).map(SeriesKind::of).orElse(SeriesKind.TOTAL);
            Optional<HorizonWeights> weights = fixed.isPresent() ? fixed : switch (weightSource) {
                case SERIES -> Optional.of(WeightLearner.learn(List.of(backtest), method));
                case KIND -> Optional.of(pooled.get(kind).weights());
                case SHRUNK -> method == WeightMethod.GRID ? Optional.ofNullable(shrunk.get(backtest.key()))
                        : Optional.of(WeightLearner.learn(withOwnTwice(backtest, byKind.get(kind)), method));
            };
            ProfileLearner.learn(List.of(backtest), intervalWidth, weights, method)
                    .map(p -> bandSource == BandSource.KIND
                            ? new SeriesProfile(p.weights(), pooled.get(kind).bands(), p.errorPaths()) : p)
                    .ifPresent(p -> own.put(backtest.key(), p));
        }
        return Optional.of(new EnsembleCalibration(intervalWidth, own, pooled));
    }

    private static List<SeriesBacktest> withOwnTwice(SeriesBacktest own, List<SeriesBacktest> group) {
        List<SeriesBacktest> all = new ArrayList<>(group == null ? List.of() : group);
        all.add(own);
        if (group == null) {
            all.add(own);
        }
        return all;
    }
}
