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
 * @param bandScaleDays the {@link BandScale} window the bands are in units of (0, and null as in versions saved
 *                      before it: the whole history)
 */
public record EnsembleCalibration(double intervalWidth, Map<String, SeriesProfile> series,
                                  Map<SeriesKind, SeriesProfile> pooled, Integer bandScaleDays) {
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
     * significantly worse than the grid weights; or half-way, towards SBA alone on intermittent and lumpy series.
     */
    public enum WeightPrior {
        NONE, HORIZONS, EQUAL_HALF, EQUAL_STOCK_WATSON, EQUAL_UNLESS_WORSE,
        /**
         * {@link #EQUAL_HALF}, but a series of an intermittent or lumpy Syntetos-Boylan class goes half-way to SBA
         * alone: the class says which member is made for it where 13 weekly origins cannot tell the members apart.
         */
        SBA_HALF;

        boolean towardsEqual() {
            return this != NONE && this != HORIZONS;
        }
    }

    /**
     * Where a backtested series' interval bands come from: its own blend errors, its kind's pool, or the pool's
     * rescaled to cover its own errors, shrunk to the pool ({@code BandRescale}).
     */
    public enum BandSource { SERIES, KIND, RESCALED }

    /**
     * Which errors the bands are quantiles of: the blend's errors on the origins its weights were learned on, or
     * cross-fitted ones (weights learned on every other origin, errors taken on the rest, and the other way round).
     */
    public enum BandErrors { IN_SAMPLE, CROSS_FITTED }

    /** The choice the accuracy benchmark supports (BENCHMARKS.md, "Forecast accuracy"). */
    public static final WeightSource DEFAULT_WEIGHTS = WeightSource.SHRUNK;
    public static final BandSource DEFAULT_BANDS = BandSource.RESCALED;
    public static final WeightMethod DEFAULT_METHOD = WeightMethod.GRID;
    public static final BandErrors DEFAULT_BAND_ERRORS = BandErrors.CROSS_FITTED;
    /**
     * Half-way to SBA alone for intermittent and lumpy series, else to equal weights (BENCHMARKS.md, "class-conditional
     * prior"): seed 1.059 -> 1.039 of the best of three, bundled 0.997 -> 0.996, bike and pharma unchanged.
     */
    public static final WeightPrior DEFAULT_PRIOR = WeightPrior.SBA_HALF;
    /**
     * Own origins worth the kind's pool when rescaling. None, 4 and 16 measured: none and 4 within 0.3 points of
     * coverage, 16 further from nominal; 4 keeps a series with one or two origins near its kind.
     */
    public static final double DEFAULT_PRIOR_ORIGINS = 4;
    public static final BandRule DEFAULT_BAND_RULE = new BandRule(DEFAULT_BANDS, DEFAULT_BAND_ERRORS, 0,
            DEFAULT_PRIOR_ORIGINS, BandLevel.ORIGIN);

    /** The quantile level of a bucket's band: the nominal width, or the {@code OriginLevel} one. */
    public enum BandLevel { NOMINAL, ORIGIN }

    /**
     * How bands are learned: their source and errors, the {@link BandScale} window (days, 0 = whole history),
     * for {@link BandSource#RESCALED} the own origins that weigh as much as the kind's pool, and the level.
     */
    public record BandRule(BandSource source, BandErrors errors, int scaleDays, double priorOrigins,
                           BandLevel level) {
    }

    public EnsembleCalibration {
        series = Map.copyOf(series);
        pooled = Map.copyOf(pooled);
        if (pooled.size() != SeriesKind.values().length) {
            throw new IllegalArgumentException("a pooled profile per series kind is required");
        }
        bandScaleDays = bandScaleDays == null ? 0 : bandScaleDays;
        if (bandScaleDays < 0) {
            throw new IllegalArgumentException("band scale window must be >= 0 days: " + bandScaleDays);
        }
    }

    /** The unit the bands of a forecast from {@code history} are multiplied by. */
    public double bandScale(double[] history) {
        return BandScale.of(history, history.length, bandScaleDays);
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
        return learn(backtests, intervalWidth, fixed, DEFAULT_METHOD, DEFAULT_WEIGHTS, DEFAULT_PRIOR,
                DEFAULT_BAND_RULE);
    }

    /** With the default band rule's scale window, prior origins and level. */
    public static Optional<EnsembleCalibration> learn(List<SeriesBacktest> backtests, double intervalWidth,
                                                      Optional<HorizonWeights> fixed, WeightMethod method,
                                                      WeightSource weightSource, BandSource bandSource,
                                                      BandErrors bandErrors, WeightPrior prior) {
        return learn(backtests, intervalWidth, fixed, method, weightSource, prior,
                new BandRule(bandSource, bandErrors, DEFAULT_BAND_RULE.scaleDays(), DEFAULT_BAND_RULE.priorOrigins(),
                        DEFAULT_BAND_RULE.level()));
    }

    /** With the default weight prior. */
    public static Optional<EnsembleCalibration> learn(List<SeriesBacktest> backtests, double intervalWidth,
                                                      Optional<HorizonWeights> fixed, WeightMethod method,
                                                      WeightSource weightSource, BandSource bandSource,
                                                      BandErrors bandErrors) {
        return learn(backtests, intervalWidth, fixed, method, weightSource, bandSource, bandErrors, DEFAULT_PRIOR);
    }

    /** With the default weight prior and every choice of the band rule. */
    public static Optional<EnsembleCalibration> learn(List<SeriesBacktest> backtests, double intervalWidth,
                                                      Optional<HorizonWeights> fixed, WeightMethod method,
                                                      WeightSource weightSource, BandRule bandRule) {
        return learn(backtests, intervalWidth, fixed, method, weightSource, DEFAULT_PRIOR, bandRule);
    }

    /**
     * With every choice of the weights and bands.
     * With {@link WeightMethod#CONFIDENCE_SET}, {@link WeightSource#SHRUNK} sets the series' own points beside its
     * kind's pool (which holds them too), so its own evidence counts twice.
     */
    public static Optional<EnsembleCalibration> learn(List<SeriesBacktest> backtests, double intervalWidth,
                                                      Optional<HorizonWeights> fixed, WeightMethod method,
                                                      WeightSource weightSource, WeightPrior prior,
                                                      BandRule bandRule) {
        BandSource bandSource = bandRule.source();
        BandErrors bandErrors = bandRule.errors();
        int scaleDays = bandRule.scaleDays();
        Map<SeriesKind, List<SeriesBacktest>> byKind = new EnumMap<>(SeriesKind.class);
        for (SeriesBacktest backtest : backtests) {
            SeriesKey.filter(backtest.key()).ifPresent(filter ->
                    byKind.computeIfAbsent(SeriesKind.of(filter), k -> new ArrayList<>()).add(backtest));
        }
        Map<SeriesKind, SeriesProfile> pooled = new EnumMap<>(SeriesKind.class);
        // The pool of every series serves only kinds without a backtested series: learned only then, it costs as
        // much as all the kinds' pools together.
        Optional<SeriesProfile> all = null;
        for (SeriesKind kind : SeriesKind.values()) {
            List<SeriesBacktest> group = byKind.getOrDefault(kind, List.of());
            Optional<SeriesProfile> profile = ProfileLearner.learn(group, intervalWidth, fixed, method, bandErrors,
                    scaleDays, bandRule.level());
            if (profile.isEmpty()) {
                if (all == null) {
                    all = ProfileLearner.learn(backtests, intervalWidth, fixed, method, bandErrors, scaleDays,
                            bandRule.level());
                }
                if (all.isEmpty()) {
                    return Optional.empty();
                }
                profile = all;
            }
            pooled.put(kind, profile.get());
        }
        Map<String, HorizonWeights> shrunk = new LinkedHashMap<>();
        if (fixed.isEmpty() && weightSource == WeightSource.SHRUNK && method == WeightMethod.GRID) {
            byKind.values().forEach(group -> shrunk.putAll(ShrunkWeights.learn(group, prior)));
        }
        Map<String, SeriesProfile> own = new LinkedHashMap<>();
        Map<SeriesKind, BandRescale.Pool> rescalePools = new EnumMap<>(SeriesKind.class);
        for (SeriesBacktest backtest : backtests) {
            SeriesKind kind = SeriesKey.filter(backtest.key()).map(SeriesKind::of).orElse(SeriesKind.TOTAL);
            Optional<HorizonWeights> weights = fixed.isPresent() ? fixed : switch (weightSource) {
                case SERIES -> Optional.of(WeightLearner.learn(List.of(backtest), method));
                case KIND -> Optional.of(pooled.get(kind).weights());
                case SHRUNK -> method == WeightMethod.GRID ? Optional.ofNullable(shrunk.get(backtest.key()))
                        : Optional.of(WeightLearner.learn(withOwnTwice(backtest, byKind.get(kind)), method));
            };
            ProfileLearner.learn(List.of(backtest), intervalWidth, weights, method, bandErrors, scaleDays,
                    bandRule.level())
                    .map(p -> switch (bandSource) {
                        case SERIES -> p;
                        case KIND -> new SeriesProfile(p.weights(), pooled.get(kind).bands(), p.errorPaths());
                        case RESCALED -> new SeriesProfile(p.weights(), rescalePools.computeIfAbsent(kind,
                                k -> BandRescale.Pool.of(pooled.get(k).bands(), byKind.getOrDefault(k, backtests),
                                        fixed.isPresent() || bandErrors == BandErrors.IN_SAMPLE
                                                ? BandRescale.sameWeights(pooled.get(k).weights())
                                                : BandRescale.foldWeights(byKind.getOrDefault(k, backtests), method),
                                        intervalWidth, scaleDays, bandRule.priorOrigins()))
                                .rescaled(backtest, servedFoldWeights(rescalePools.get(kind), backtest,
                                        !shrunk.isEmpty(), prior)), p.errorPaths());
                    })
                    .ifPresent(p -> own.put(backtest.key(), p));
        }
        return Optional.of(new EnsembleCalibration(intervalWidth, own, pooled, scaleDays));
    }

    /**
     * The fold weights a series' own errors are blended with when its bands are rescaled: the pool's, taken half-way
     * to SBA for a series the served shrunk weights take there (an intermittent or lumpy series under
     * {@link WeightPrior#SBA_HALF}), so its bands are sized for the blend it serves.
     */
    private static List<HorizonWeights> servedFoldWeights(BandRescale.Pool pool, SeriesBacktest backtest,
                                                          boolean shrunkServed, WeightPrior prior) {
        return shrunkServed && ShrunkWeights.intermittent(backtest, prior) && ShrunkWeights.hasSba(backtest)
                ? pool.foldWeights().stream().map(ShrunkWeights::halfWayToSba).toList() : pool.foldWeights();
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
