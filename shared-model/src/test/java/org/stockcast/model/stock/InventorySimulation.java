package org.stockcast.model.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Replays daily demand through a periodic-review policy with lost sales. Day d: deliveries due on d arrive first;
 * on a review day (every {@code reviewPeriod} days from day 0) the policy gives its levels and, when the inventory
 * position (on hand + on order) is at or below the trigger, an order up to the maximum is placed, arriving after that
 * review's lead time (0 = before the day's demand); then the day's demand is served from stock, what is missing is
 * lost. A replenishment cycle runs from one delivery to the next; the cycle service level is the share of complete
 * cycles without a day of lost sales (before the first delivery the initial stock is not a cycle).
 */
final class InventorySimulation {
    /** Stock levels for one review: order when the inventory position is <= trigger, up to maximum. */
    record Levels(double trigger, double maximum) {
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
        TreeMap<Integer, Double> due = new TreeMap<>();
        List<Integer> deliveries = new ArrayList<>();
        boolean[] lost = new boolean[demand.length];
        double onHand = initialStock;
        double onHandSum = 0;
        double total = 0;
        double served = 0;
        int orders = 0;
        for (int day = 0; day < demand.length; day++) {
            Double arriving = due.remove(day);
            if (arriving != null) {
                onHand += arriving;
                deliveries.add(day);
            }
            if (day % reviewPeriod == 0) {
                int review = day / reviewPeriod;
                Levels levels = policy.at(review);
                double position = onHand + due.values().stream().mapToDouble(Double::doubleValue).sum();
                double quantity = Math.ceil(levels.maximum() - position);
                if (position <= levels.trigger() && quantity > 0) {
                    orders++;
                    int lead = leadTimes[review];
                    if (lead == 0) {
                        onHand += quantity;
                        deliveries.add(day);
                    } else {
                        due.merge(day + lead, quantity, Double::sum);
                    }
                }
            }
            double wanted = Double.isNaN(demand[day]) ? 0 : demand[day];
            double sold = Math.min(onHand, wanted);
            onHand -= sold;
            total += wanted;
            served += sold;
            lost[day] = sold < wanted;
            onHandSum += onHand;
        }
        int cycles = 0;
        int stockouts = 0;
        for (int k = 0; k + 1 < deliveries.size(); k++) {
            int from = deliveries.get(k);
            int to = deliveries.get(k + 1);
            if (to == from) {
                continue; // two orders arriving on one day make one cycle
            }
            cycles++;
            for (int d = from; d < to; d++) {
                if (lost[d]) {
                    stockouts++;
                    break;
                }
            }
        }
        return new Result(cycles, stockouts, total, served, onHandSum / demand.length, orders);
    }
}
