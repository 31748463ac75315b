package org.stockcast.model.ensemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stockcast.model.backtest.HorizonBucket;
import org.stockcast.model.dataset.SalesFilter;

/**
 * Error tables of a backtest per series kind and horizon bucket: MAE, MASE and sMAPE of every member and of the
 * served blend, and the blend's interval coverage. The shape of manifest.json's {@code metrics.backtest.by_kind}.
 */
public final class BacktestReport {
    /** Name of the blend's row next to the members'. */
    public static final String ENSEMBLE = "ensemble";

    private BacktestReport() {
    }

    /** Accumulated errors of one forecaster in one bucket. */
    static final class Errors {
        private double abs;
        private double scaled;
        private double smape;
        private int covered;
        private int intervals;
        private int points;

        void add(double actual, double forecast, double scale) {
            double e = Math.abs(actual - forecast);
            abs += e;
            scaled += e / scale;
            double denominator = Math.abs(actual) + Math.abs(forecast);
            smape += denominator == 0 ? 0 : 2 * e / denominator;
            points++;
        }

        void interval(boolean inside) {
            intervals++;
            if (inside) {
                covered++;
            }
        }

        int points() {
            return points;
        }

        double mase() {
            return scaled / points;
        }

        double coverage() {
            return intervals == 0 ? Double.NaN : covered / (double) intervals;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mase", round(scaled / points));
            m.put("mae", round(abs / points));
            m.put("smape", round(100 * smape / points));
            if (intervals > 0) {
                m.put("coverage", round(coverage()));
            }
            m.put("points", points);
            return m;
        }
    }

    /** kind -> bucket label -> member (or "ensemble") -> measures. */
    public static Map<String, Object> byKind(List<SeriesBacktest> backtests, EnsembleCalibration calibration) {
        Map<SeriesKind, Map<HorizonBucket, Map<String, Errors>>> table = tables(backtests, calibration);
        Map<String, Object> out = new LinkedHashMap<>();
        table.forEach((kind, buckets) -> {
            Map<String, Object> perBucket = new LinkedHashMap<>();
            buckets.forEach((bucket, rows) -> {
                Map<String, Object> perRow = new LinkedHashMap<>();
                rows.forEach((name, errors) -> perRow.put(name, errors.toMap()));
                perBucket.put(bucket.label(), perRow);
            });
            out.put(kind.name().toLowerCase(Locale.ROOT), perBucket);
        });
        return out;
    }

    /** One progress line per kind and bucket: each member's MASE, the blend's MASE and coverage. */
    public static List<String> summaryLines(List<SeriesBacktest> backtests, EnsembleCalibration calibration) {
        List<String> lines = new ArrayList<>();
        tables(backtests, calibration).forEach((kind, buckets) -> buckets.forEach((bucket, rows) -> {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Backtest %s, days %s: MASE",
                    kind.name().toLowerCase(Locale.ROOT), bucket.label()));
            rows.forEach((name, errors) -> line.append(String.format(Locale.ROOT, " %s %.3f", name, errors.mase())));
            Errors ensemble = rows.get(ENSEMBLE);
            if (ensemble != null && Double.isFinite(ensemble.coverage())) {
                line.append(String.format(Locale.ROOT, "; interval coverage %.0f%% (nominal %.0f%%)",
                        100 * ensemble.coverage(), 100 * calibration.intervalWidth()));
            }
            lines.add(line.toString());
        }));
        return lines;
    }

    static String name(Member member) {
        return member.name().toLowerCase(Locale.ROOT);
    }

    private static Map<SeriesKind, Map<HorizonBucket, Map<String, Errors>>> tables(List<SeriesBacktest> backtests,
                                                                                 EnsembleCalibration calibration) {
        Map<SeriesKind, Map<HorizonBucket, Map<String, Errors>>> table = new EnumMap<>(SeriesKind.class);
        for (SeriesBacktest backtest : backtests) {
            SalesFilter filter = SeriesKey.filter(backtest.key()).orElse(SalesFilter.ALL);
            SeriesProfile profile = calibration.profile(filter);
            Map<HorizonBucket, Map<String, Errors>> buckets =
                    table.computeIfAbsent(SeriesKind.of(filter), k -> new EnumMap<>(HorizonBucket.class));
            for (OriginForecasts o : backtest.origins()) {
                if (!(o.scale() > 0)) {
                    continue;
                }
                for (int d = 0; d < o.actual().length; d++) {
                    double actual = o.actual()[d];
                    if (Double.isNaN(actual)) {
                        continue;
                    }
                    HorizonBucket bucket = HorizonBucket.ofIndex(d);
                    Map<String, Errors> rows = buckets.computeIfAbsent(bucket, k -> new LinkedHashMap<>());
                    for (Member member : Member.values()) {
                        double[] f = o.forecasts().get(member);
                        if (f != null) {
                            rows.computeIfAbsent(name(member), k -> new Errors()).add(actual, f[d], o.scale());
                        }
                    }
                    double blend = Math.max(0, ProfileLearner.blend(o, profile.weights(), d));
                    Band band = profile.band(d);
                    Errors ensemble = rows.computeIfAbsent(ENSEMBLE, k -> new Errors());
                    ensemble.add(actual, blend, o.scale());
                    double lower = Math.max(0, blend + band.lower() * o.scale());
                    double upper = Math.max(blend, blend + band.upper() * o.scale());
                    ensemble.interval(actual >= lower && actual <= upper);
                }
            }
        }
        return table;
    }

    static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000.0) / 10_000.0 : Double.NaN;
    }
}
