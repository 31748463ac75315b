package org.stockcast.model.stock;

import java.util.List;
import java.util.Optional;

/**
 * Today's formula at the service the new policy actually achieved: its safety stock z * sigma * sqrt(L) scaled by
 * a multiplier found by bisection, the smallest (to {@link #STEPS} halvings) at which the replay's achieved cycle
 * service level reaches the target. Achieved service is a step function of the multiplier and, with lost sales,
 * not strictly monotone, so the match is "a multiplier that reaches it, with one 1/2^STEPS below that does not".
 */
final class MatchedService {
    /** The largest multiplier tried: far beyond any safety stock a buyer would hold. */
    static final double MAX_MULTIPLIER = 64;
    static final int STEPS = 30;

    /** Today's levels at one review, the safety stock still to be scaled. */
    record Textbook(double leadTimeDemand, double reviewDemand, double safetyStock) {
        InventorySimulation.Levels levels(double multiplier, boolean everyReview) {
            double reorderPoint = leadTimeDemand + multiplier * safetyStock;
            double maximum = reorderPoint + reviewDemand;
            return new InventorySimulation.Levels(everyReview ? maximum : reorderPoint, maximum);
        }
    }

    /** The multiplier found and the replay at it. */
    record Match(double multiplier, InventorySimulation.Result result) {
    }

    private MatchedService() {
    }

    /** Empty when even {@link #MAX_MULTIPLIER} times the safety stock stays below the target. */
    static Optional<Match> find(double[] demand, int reviewPeriod, int[] leadTimes, List<Textbook> reviews,
                                boolean everyReview, double target) {
        InventorySimulation.Result at = replay(demand, reviewPeriod, leadTimes, reviews, everyReview, 0);
        if (at.cycleServiceLevel() >= target) {
            return Optional.of(new Match(0, at));
        }
        double lo = 0;
        double hi = 1;
        at = replay(demand, reviewPeriod, leadTimes, reviews, everyReview, hi);
        while (at.cycleServiceLevel() < target) {
            lo = hi;
            hi *= 2;
            if (hi > MAX_MULTIPLIER) {
                return Optional.empty();
            }
            at = replay(demand, reviewPeriod, leadTimes, reviews, everyReview, hi);
        }
        for (int step = 0; step < STEPS; step++) {
            double mid = (lo + hi) / 2;
            InventorySimulation.Result r = replay(demand, reviewPeriod, leadTimes, reviews, everyReview, mid);
            if (r.cycleServiceLevel() >= target) {
                hi = mid;
                at = r;
            } else {
                lo = mid;
            }
        }
        return Optional.of(new Match(hi, at));
    }

    static InventorySimulation.Result replay(double[] demand, int reviewPeriod, int[] leadTimes,
                                             List<Textbook> reviews, boolean everyReview, double multiplier) {
        List<InventorySimulation.Levels> levels = reviews.stream().map(t -> t.levels(multiplier, everyReview))
                .toList();
        return InventorySimulation.run(demand, reviewPeriod, leadTimes, levels.get(0).maximum(), levels::get);
    }
}
