package org.stockcast.model.stock;

import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;

/**
 * Replays daily demand through a periodic-review policy with lost sales or with backorders ({@link Unmet}). Day d: deliveries due on d arrive first;
 * on a review day (every {@code reviewPeriod} days from day 0) the policy gives its levels and, when the inventory
 * position (on hand + on order) is at or below the trigger, an order up to the maximum is placed (rounded up to whole
 * units, or by the order rules: whole packs, a minimum order), arriving after that
 * review's lead time (0 = before the day's demand); then the day's demand is served from stock, what is missing is
 * lost, or backordered (served from the next delivery; the inventory position counts the backlog, on hand goes
 * negative and the average stock counts only what is on the shelf). Every review is a replenishment opportunity: its cycle runs from the day its order arrives (or would have
 * arrived, had one been needed) to the day the next review's does; the cycle service level is the share of complete
 * cycles without a day of lost sales. (Cycles between deliveries only would be longer where no order was needed, and
 * count the same stock-out risk as one cycle for a fortnight as another policy's two weeks.)
 */
final class InventorySimulation {
    /** Stock levels for one review: order when the inventory position is <= trigger, up to maximum. */
    record Levels(double trigger, double maximum) {
    }

    /** What happens to demand the shelf cannot serve. */
    enum Unmet {
        /** The customer goes elsewhere: the shop's usual case, and the benchmark's. */
        LOST,
        /** The customer waits: the textbook case the advice's cycle service level is defined for. */
        BACKORDERED
    }

    interface Policy {
        Levels at(int review);
    }

    record Result(int cycles, int stockoutCycles, double demand, double served, double averageOnHand, int orders) {
        double cycleServiceLevel() {
            return cycles == 0 ? Double.NaN : 1 - (double) stockoutCycles / cycles;
        }

        double fillRate() {
            return demand == 0 ? 1 : served / demand;
        }
    }

    private InventorySimulation() {
    }

    static Result run(double[] demand, int reviewPeriod, int[] leadTimes, double initialStock, Policy policy) {
        return run(demand, reviewPeriod, leadTimes, initialStock, policy, Math::ceil, Unmet.LOST);
    }

    /** {@code rounding} turns the units missing up to the maximum (> 0) into the quantity ordered. */
    static Result run(double[] demand, int reviewPeriod, int[] leadTimes, double initialStock, Policy policy,
                      DoubleUnaryOperator rounding, Unmet unmet) {
        TreeMap<Integer, Double> due = new TreeMap<>();
        boolean[] shortDay = new boolean[demand.length];
        double onHand = initialStock;
        double onHandSum = 0;
        double total = 0;
        double served = 0;
        int orders = 0;
        for (int day = 0; day < demand.length; day++) {
            Double arriving = due.remove(day);
            if (arriving != null) {
                onHand += arriving;
            }
            if (day % reviewPeriod == 0) {
                int review = day / reviewPeriod;
                Levels levels = policy.at(review);
                double position = onHand + due.values().stream().mapToDouble(Double::doubleValue).sum();
                double missing = levels.maximum() - position;
                double quantity = missing > 0 ? rounding.applyAsDouble(missing) : 0;
                if (position <= levels.trigger() && quantity > 0) {
                    orders++;
                    int lead = leadTimes[review];
                    if (lead == 0) {
                        onHand += quantity;
                    } else {
                        due.merge(day + lead, quantity, Double::sum);
                    }
                }
            }
            double wanted = Double.isNaN(demand[day]) ? 0 : demand[day];
            double sold = Math.min(Math.max(0, onHand), wanted);
            onHand -= unmet == Unmet.LOST ? sold : wanted;
            total += wanted;
            served += sold;
            shortDay[day] = sold < wanted;
            onHandSum += Math.max(0, onHand);
        }
        int cycles = 0;
        int stockouts = 0;
        for (int review = 0; review + 1 < leadTimes.length
                && (review + 1) * reviewPeriod + leadTimes[review + 1] <= demand.length; review++) {
            int from = review * reviewPeriod + leadTimes[review];
            int to = (review + 1) * reviewPeriod + leadTimes[review + 1];
            if (to <= from) {
                continue; // the next order overtook this one: no cycle of its own
            }
            cycles++;
            for (int d = from; d < to; d++) {
                if (shortDay[d]) {
                    stockouts++;
                    break;
                }
            }
        }
        return new Result(cycles, stockouts, total, served, onHandSum / demand.length, orders);
    }
}
