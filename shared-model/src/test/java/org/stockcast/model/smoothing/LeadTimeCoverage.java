package org.stockcast.model.smoothing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.additive.AdditiveModel;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.intermittent.Intermittency;
import org.stockcast.model.intermittent.Intermittent;
import org.stockcast.model.intermittent.IntermittentDemand;
import org.stockcast.model.intermittent.IntermittentMethod;
import org.stockcast.model.stock.InventoryAdvisor;
import org.stockcast.model.stock.InventoryPolicy;

/**
 * Part of {@link MembersBenchmark}: how often the 95% reorder point covers the actual demand of the next lead time
 * on intermittent series, out of sample (refit at each weekly cutoff over the last year). Compares today's advice
 * (forecast + normal safety stock from week-on-week differences, {@link InventoryAdvisor}) with the 95% quantile of
 * the {@link IntermittentDemand} totals.
 */
final class LeadTimeCoverage {
    private static final InventoryPolicy POLICY = InventoryPolicy.DEFAULT;
    private static final int CUTOFFS = 52;
    private static final int STEP = 7;
    private static final int OUTCOMES = 1000;

    private LeadTimeCoverage() {
    }

    static void run(Map<String, DailySeries> series) {
        int lead = POLICY.leadTimeDays();
        Map<String, BiFunction<DailySeries, Integer, Double>> methods = new LinkedHashMap<>();
        methods.put("additive + normal (today)", (h, days) -> InventoryAdvisor.advise(h,
                AdditiveModel.forecaster(AdditiveConfig.defaults()).forecast(h, days).yhat(), POLICY,
                OptionalDouble.empty()).reorderPoint());
        methods.put("SBA rate + normal", (h, days) -> InventoryAdvisor.advise(h,
                Intermittent.fit(h.values(), IntermittentMethod.SBA).forecast(days), POLICY,
                OptionalDouble.empty()).reorderPoint());
        methods.put("SBA distribution", (h, days) -> quantile(IntermittentMethod.SBA, h, days));
        methods.put("TSB distribution", (h, days) -> quantile(IntermittentMethod.TSB, h, days));
        System.out.printf("%n### Lead-time demand coverage of the %.0f%% reorder point "
                + "(intermittent + lumpy series)%n%n",
                100 * POLICY.serviceLevel());
        System.out.printf("%d weekly cutoffs over the last year, lead time %d days; per method: share of cutoffs "
                + "whose actual %d-day demand <= the reorder point (target %.2f) / mean reorder point.%n%n",
                CUTOFFS, lead, lead, POLICY.serviceLevel());
        System.out.print("| series | mean actual " + lead + "-day demand |");
        methods.keySet().forEach(m -> System.out.print(" " + m + " |"));
        System.out.print("\n|---|---|");
        methods.keySet().forEach(m -> System.out.print("---|"));
        System.out.println();
        Map<String, double[]> sums = new LinkedHashMap<>();
        int rows = 0;
        for (Map.Entry<String, DailySeries> s : series.entrySet()) {
            double[] values = s.getValue().values();
            if (!Intermittency.of(values).pattern().intermittent()) {
                continue;
            }
            rows++;
            List<Integer> lengths = java.util.stream.IntStream.range(0, CUTOFFS)
                    .mapToObj(c -> values.length - lead - (CUTOFFS - 1 - c) * STEP).toList();
            double actualMean = lengths.stream().mapToDouble(l -> total(values, l, lead)).average().orElseThrow();
            System.out.printf("| %s | %.1f |", s.getKey(), actualMean);
            for (Map.Entry<String, BiFunction<DailySeries, Integer, Double>> m : methods.entrySet()) {
                int covered = 0;
                double pointSum = 0;
                for (int length : lengths) {
                    double point = m.getValue().apply(s.getValue().head(length), lead + POLICY.reviewPeriodDays());
                    pointSum += point;
                    if (total(values, length, lead) <= point) {
                        covered++;
                    }
                }
                double hit = (double) covered / lengths.size();
                System.out.printf(" %.2f / %.1f |", hit, pointSum / lengths.size());
                sums.computeIfAbsent(m.getKey(), k -> new double[2])[0] += hit;
                sums.get(m.getKey())[1] += pointSum / lengths.size() / actualMean;
            }
            System.out.println();
        }
        System.out.print("| **mean over " + rows + " series: hit rate / reorder point per unit of mean demand** | |");
        for (double[] v : sums.values()) {
            System.out.printf(" %.3f / %.2f |", v[0] / rows, v[1] / rows);
        }
        System.out.println();
    }

    /** 95% quantile (service level) of the model's equally likely lead-time totals. */
    private static double quantile(IntermittentMethod method, DailySeries history, int days) {
        IntermittentDemand demand = new IntermittentDemand(Intermittent.fit(history.values(), method), days,
                OUTCOMES, 20_251_203L);
        double[] totals = demand.totals(POLICY.leadTimeDays());
        Arrays.sort(totals);
        return totals[(int) Math.ceil(POLICY.serviceLevel() * totals.length) - 1];
    }

    private static double total(double[] values, int from, int days) {
        double sum = 0;
        for (int i = from; i < from + days; i++) {
            sum += Double.isNaN(values[i]) ? 0 : values[i];
        }
        return sum;
    }
}
