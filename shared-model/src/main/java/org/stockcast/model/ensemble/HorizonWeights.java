package org.stockcast.model.ensemble;

import java.util.EnumMap;
import java.util.Map;
import org.stockcast.model.backtest.HorizonBucket;

/** Non-negative member weights per horizon bucket, each bucket's weights summing to 1. */
public record HorizonWeights(Map<HorizonBucket, Map<Member, Double>> buckets) {
    public HorizonWeights {
        Map<HorizonBucket, Map<Member, Double>> copy = new EnumMap<>(HorizonBucket.class);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            Map<Member, Double> weights = buckets.get(bucket);
            if (weights == null || weights.isEmpty()) {
                throw new IllegalArgumentException("no weights for horizon " + bucket.label());
            }
            double sum = 0;
            for (double w : weights.values()) {
                if (!(w >= 0)) {
                    throw new IllegalArgumentException("weights must be >= 0: " + weights);
                }
                sum += w;
            }
            if (Math.abs(sum - 1) > 1e-6) {
                throw new IllegalArgumentException("weights of " + bucket.label() + " sum to " + sum);
            }
            copy.put(bucket, Map.copyOf(weights));
        }
        buckets = Map.copyOf(copy);
    }

    /** The same weights at every horizon (the fixed mode, and versions saved before horizon weights). */
    public static HorizonWeights uniform(Map<Member, Double> weights) {
        Map<HorizonBucket, Map<Member, Double>> all = new EnumMap<>(HorizonBucket.class);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            all.put(bucket, weights);
        }
        return new HorizonWeights(all);
    }

    public double weight(Member member, int dayIndex) {
        return buckets.get(HorizonBucket.ofIndex(dayIndex)).getOrDefault(member, 0.0);
    }

    /** Whether the member has weight at any horizon up to {@code days}. */
    public boolean uses(Member member, int days) {
        for (HorizonBucket bucket : HorizonBucket.values()) {
            if (bucket.first() <= days && buckets.get(bucket).getOrDefault(member, 0.0) > 0) {
                return true;
            }
        }
        return false;
    }
}
