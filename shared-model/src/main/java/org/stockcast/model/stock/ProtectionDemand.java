package org.stockcast.model.stock;

import java.util.ArrayList;
import java.util.List;

/**
 * Demand over a protection interval (the lead time, plus {@code extraDays} of review period) when the lead time
 * itself varies: a mixture over whole lead times l with the weights of a normal(lead time, std) discretised to the
 * nearest day and truncated at 0 (renormalised). With std 0 it is the one lead time. Immutable.
 */
final class ProtectionDemand {
    /** Lead times beyond this many standard deviations carry no weight worth drawing. */
    static final double SPAN_SDS = 4;
    private static final int BISECTION_STEPS = 100;

    private final List<Outcomes> components;
    private final double[] weights;

    private ProtectionDemand(List<Outcomes> components, double[] weights) {
        this.components = components;
        this.weights = weights;
    }

    static ProtectionDemand over(DemandDistribution demand, int leadTimeDays, double leadTimeStdDays, int extraDays) {
        double[] w = leadTimeWeights(leadTimeDays, leadTimeStdDays);
        int first = firstLeadTime(leadTimeDays, leadTimeStdDays);
        List<Outcomes> components = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            int days = first + i + extraDays;
            components.add(new Outcomes(days == 0 ? new double[] {0} : demand.totals(days)));
        }
        return new ProtectionDemand(components, w);
    }

    /** Weights of lead times firstLeadTime .. firstLeadTime + length - 1, summing to 1. */
    static double[] leadTimeWeights(int leadTimeDays, double std) {
        if (std == 0) {
            return new double[] {1};
        }
        int first = firstLeadTime(leadTimeDays, std);
        int last = (int) Math.ceil(leadTimeDays + SPAN_SDS * std);
        double[] w = new double[last - first + 1];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            int l = first + i;
            double upper = NormalCdf.of((l + 0.5 - leadTimeDays) / std);
            double lower = NormalCdf.of((l - 0.5 - leadTimeDays) / std);
            w[i] = Math.max(0, upper - lower);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    static int firstLeadTime(int leadTimeDays, double std) {
        return std == 0 ? leadTimeDays : Math.max(0, (int) Math.floor(leadTimeDays - SPAN_SDS * std));
    }

    double mean() {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * components.get(i).mean();
        }
        return sum;
    }

    double expectedShortage(double level) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * components.get(i).expectedShortage(level);
        }
        return sum;
    }

    /** The level x with P(demand <= x) = p, by bisection on the mixture's CDF. */
    double quantile(double p) {
        if (components.size() == 1) {
            return components.get(0).quantile(p);
        }
        double lo = components.stream().mapToDouble(Outcomes::min).min().orElseThrow();
        double hi = components.stream().mapToDouble(c -> c.quantile(p)).max().orElseThrow();
        for (int step = 0; step < BISECTION_STEPS && hi - lo > 1e-9 * Math.max(1, hi); step++) {
            double mid = (lo + hi) / 2;
            if (cdf(mid) >= p) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** P(demand <= x). */
    double cdf(double x) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * components.get(i).cdf(x);
        }
        return sum;
    }
}
