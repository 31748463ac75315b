package org.stockcast.model.stock;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.intermittent.Intermittency;

/** Markdown tables of {@link InventorySimulationBenchmark}: one per lead-time setting and service level, a summary. */
final class SimulationTables {
    /** The target: achieved cycle service level within this many points of the nominal one. */
    static final double TOLERANCE = 0.02;
    /** The policies whose average stock the new one is compared with. */
    static final List<String> COMPARED = List.of("current at ROP", "current every review");
    /** Columns whose CSL is printed with its 95% interval and whether a miss of the tolerance is significant. */
    static final List<String> WITH_INTERVAL = List.of("new", InventorySimulationBenchmark.BACKORDERED);
    private static final double Z95 = 1.959964;

    private SimulationTables() {
    }

    static void print(Map<String, DailySeries> series,
                      Map<String, Map<String, Map<String, InventorySimulation.Result>>> results,
                      Collection<String> rules, PrintStream out) {
        for (double std : InventorySimulationBenchmark.LEAD_TIME_STDS) {
            for (double level : InventorySimulationBenchmark.LEVELS) {
                String key = InventorySimulationBenchmark.key(std, level);
                out.printf(Locale.ROOT, "%n#### %.0f%% cycle service level, lead time %d days%s%n%n", 100 * level,
                        InventorySimulationBenchmark.LEAD_TIME, std == 0 ? "" : String.format(Locale.ROOT,
                                " +- %.1f (sd)", std));
                out.print("| series | class | cycles (new) |");
                rules.forEach(r -> out.print(" " + r + ": CSL" + (WITH_INTERVAL.contains(r) ? " [95% interval]" : "")
                        + " / fill / avg stock / orders |"));
                out.print("\n|---|---|---|");
                rules.forEach(r -> out.print("---|"));
                out.println();
                double[] within = new double[rules.size()];
                int[] significant = new int[rules.size()];
                double[] meanCsl = new double[rules.size()];
                double[] logStock = new double[2];
                int[] stockSeries = new int[2];
                for (Map.Entry<String, Map<String, Map<String, InventorySimulation.Result>>> s : results.entrySet()) {
                    Map<String, InventorySimulation.Result> row = s.getValue().get(key);
                    out.printf(Locale.ROOT, "| %s | %s | %d |", s.getKey(),
                            Intermittency.of(series.get(s.getKey()).tail(365).values()).pattern().name()
                                    .toLowerCase(Locale.ROOT), row.get("new").cycles());
                    int i = 0;
                    for (String rule : rules) {
                        InventorySimulation.Result r = row.get(rule);
                        boolean ok = Math.abs(r.cycleServiceLevel() - level) <= TOLERANCE + 1e-9;
                        within[i] += ok ? 1 : 0;
                        meanCsl[i] += r.cycleServiceLevel() / results.size();
                        String interval = "";
                        if (WITH_INTERVAL.contains(rule)) {
                            double[] ci = wilson(r.cycles() - r.stockoutCycles(), r.cycles());
                            boolean outside = level < ci[0] || level > ci[1];
                            significant[i] += !ok && outside ? 1 : 0;
                            interval = String.format(Locale.ROOT, " [%.1f, %.1f]%s", 100 * ci[0], 100 * ci[1],
                                    ok ? "" : outside ? " significant" : " n.s.");
                        }
                        out.printf(Locale.ROOT, " %s%.1f%%%s%s / %.1f%% / %s / %d |", ok ? "**" : "",
                                100 * r.cycleServiceLevel(), ok ? "**" : "", interval, 100 * r.fillRate(),
                                units(r.averageOnHand()), r.orders());
                        i++;
                    }
                    out.println();
                    int c = 0;
                    for (String other : COMPARED) {
                        double stock = row.get(other).averageOnHand();
                        if (stock > 0 && row.get("new").averageOnHand() > 0) {
                            logStock[c] += Math.log(row.get("new").averageOnHand() / stock);
                            stockSeries[c]++;
                        }
                        c++;
                    }
                }
                out.printf(Locale.ROOT, "| **series within +-%.0f points (bold); mean CSL** | | |", 100 * TOLERANCE);
                int i = 0;
                for (String rule : rules) {
                    out.printf(Locale.ROOT, " %d of %d; %s%.1f%% |", (int) within[i], results.size(),
                            WITH_INTERVAL.contains(rule) ? significant[i] + " significant misses; " : "",
                            100 * meanCsl[i]);
                    i++;
                }
                out.printf(Locale.ROOT, "%n%nGeometric mean of average stock, new / %s: %.2f; new / %s: %.2f%n",
                        COMPARED.get(0), Math.exp(logStock[0] / Math.max(1, stockSeries[0])), COMPARED.get(1),
                        Math.exp(logStock[1] / Math.max(1, stockSeries[1])));
            }
        }
    }

    /**
     * The 95% Wilson score interval of a binomial proportion: where the policy's true CSL may lie given this many
     * cycles. Consecutive cycles share stock, so they are not quite independent trials; the interval is a guide.
     */
    static double[] wilson(int successes, int trials) {
        if (trials == 0) {
            return new double[] {0, 1};
        }
        double p = (double) successes / trials;
        double z2 = Z95 * Z95 / trials;
        double centre = (p + z2 / 2) / (1 + z2);
        double half = Z95 / (1 + z2) * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static String units(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * Today's formula with its safety stock scaled until its achieved CSL reaches the new policy's: the multiplier,
     * the CSL and stock there, and the new policy's stock over it; a summary line per setting.
     */
    static void printMatched(Map<String, Map<String, Map<String, InventorySimulation.Result>>> results,
                             Map<String, Map<String, Map<String, Optional<MatchedService.Match>>>> matched,
                             PrintStream out) {
        out.printf(Locale.ROOT, "%n#### Matched service: today's formula at the new policy's achieved CSL%n%n");
        out.print("| setting | series | new: CSL / avg stock |");
        COMPARED.forEach(r -> out.print(" " + r + " matched: multiplier / CSL / avg stock / new over it |"));
        out.print("\n|---|---|---|");
        COMPARED.forEach(r -> out.print("---|"));
        out.println();
        StringBuilder summary = new StringBuilder();
        for (double std : InventorySimulationBenchmark.LEAD_TIME_STDS) {
            for (double level : InventorySimulationBenchmark.LEVELS) {
                String key = InventorySimulationBenchmark.key(std, level);
                String setting = String.format(Locale.ROOT, "%.0f%%, lead time %d%s", 100 * level,
                        InventorySimulationBenchmark.LEAD_TIME, std == 0 ? "" : String.format(Locale.ROOT,
                                " +- %.1f", std));
                double[] logRatio = new double[COMPARED.size()];
                int[] reached = new int[COMPARED.size()];
                for (String series : results.keySet()) {
                    InventorySimulation.Result fresh = results.get(series).get(key).get("new");
                    out.printf(Locale.ROOT, "| %s | %s | %.1f%% / %s |", setting, series,
                            100 * fresh.cycleServiceLevel(), units(fresh.averageOnHand()));
                    int c = 0;
                    for (String compared : COMPARED) {
                        Optional<MatchedService.Match> m = matched.get(series).get(key).get(compared);
                        if (m.isPresent()) {
                            InventorySimulation.Result r = m.get().result();
                            double ratio = fresh.averageOnHand() / r.averageOnHand();
                            out.printf(Locale.ROOT, " %.2f / %.1f%% / %s / %.2f |", m.get().multiplier(),
                                    100 * r.cycleServiceLevel(), units(r.averageOnHand()), ratio);
                            logRatio[c] += Math.log(ratio);
                            reached[c]++;
                        } else {
                            out.printf(Locale.ROOT, " not reached at %.0fx |", MatchedService.MAX_MULTIPLIER);
                        }
                        c++;
                    }
                    out.println();
                }
                summary.append(String.format(Locale.ROOT, "| %s |", setting));
                for (int c = 0; c < COMPARED.size(); c++) {
                    summary.append(String.format(Locale.ROOT, " %.2f (%d of %d reached) |",
                            Math.exp(logRatio[c] / Math.max(1, reached[c])), reached[c], results.size()));
                }
                summary.append('\n');
            }
        }
        out.print("\n| setting |");
        COMPARED.forEach(r -> out.print(" stock new / " + r + " at matched CSL (geometric mean) |"));
        out.print("\n|---|");
        COMPARED.forEach(r -> out.print("---|"));
        out.println();
        out.print(summary);
    }

    /** The pharma series at 95% with single units and with the order rules, per policy. */
    static void printPacks(Map<String, Map<String, InventorySimulation.Result[]>> packs, PrintStream out) {
        InventoryPolicy rules = InventorySimulationBenchmark.PACKS;
        out.printf(Locale.ROOT, "%n#### Order rules: packs of %.0f, at least %.0f units (%.0f%%, lead time %d)%n%n",
                rules.packSize(), rules.minOrderQty(), 100 * rules.serviceLevel(), rules.leadTimeDays());
        out.print("| series |");
        InventorySimulationBenchmark.PACK_RULES.forEach(r -> out.print(" " + r + ": units CSL / avg stock / orders | "
                + r + ": packs CSL / avg stock / orders |"));
        out.print("\n|---|");
        InventorySimulationBenchmark.PACK_RULES.forEach(r -> out.print("---|---|"));
        out.println();
        packs.forEach((series, byRule) -> {
            out.print("| " + series + " |");
            byRule.forEach((rule, r) -> {
                for (InventorySimulation.Result result : r) {
                    out.printf(Locale.ROOT, " %.1f%% / %s / %d |", 100 * result.cycleServiceLevel(),
                            units(result.averageOnHand()), result.orders());
                }
            });
            out.println();
        });
    }
}
