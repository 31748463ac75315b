package org.stockcast.model.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InventorySimulationTest {

    /**
     * 10 units a day, review every 7 days, lead time 2, order up to 80 at every review, start with 30 on hand.
     * Day 0: order 50 (position 30), arrives day 2; stock 30 -> 20 -> 10 -> 50 (day 2 delivery, then 10 sold) ...
     * Hand-checked: day 0 on hand after sales 20, day 1 10, day 2 10 + 50 - 10 = 50, days 3..6: 40, 30, 20, 10.
     * Day 7: position 10, order 70, arrives day 9; day 7: 0, day 8: demand 10 with 0 on hand -> lost.
     * Day 9: 70 - 10 = 60, 10..13: 50, 40, 30, 20. Cycles: [2, 9) has the stock-out on day 8, [9, 16) has none.
     */
    @Test
    void aTinyHandCheckedReplay() {
        double[] demand = new double[21];
        Arrays.fill(demand, 10);
        int[] leads = {2, 2, 2};
        InventorySimulation.Result result = InventorySimulation.run(demand, 7, leads, 30,
                review -> new InventorySimulation.Levels(80, 80));
        // review 2 (day 14): position 20, order 60, arrives day 16; days 14, 15: 10, 0; 16..20: 50, 40, 30, 20, 10
        assertThat(result.orders()).isEqualTo(3);
        assertThat(result.cycles()).isEqualTo(2); // [2, 9) and [9, 16); review 2's ends with a fourth review
        assertThat(result.stockoutCycles()).isEqualTo(1); // day 8
        assertThat(result.demand()).isEqualTo(210);
        assertThat(result.served()).isEqualTo(200);
        assertThat(result.cycleServiceLevel()).isCloseTo(0.5, within(1e-12));
        assertThat(result.fillRate()).isCloseTo(200.0 / 210, within(1e-12));
        double[] onHand = {20, 10, 50, 40, 30, 20, 10, 0, 0, 60, 50, 40, 30, 20, 10, 0, 50, 40, 30, 20, 10};
        assertThat(result.averageOnHand()).isCloseTo(Arrays.stream(onHand).average().orElseThrow(), within(1e-9));
    }

    /**
     * The same replay with backorders: day 8's missing 10 units wait for day 9's delivery, so review 2 (day 14) sees
     * a position of 10, not 20, orders 70 and runs short on day 15 as well: with lost sales the cycle after a
     * stock-out starts with more stock than the order-up-to level would leave, with backorders it does not.
     */
    @Test
    void backordersCarryTheShortfallIntoTheNextCycle() {
        double[] demand = new double[21];
        Arrays.fill(demand, 10);
        InventorySimulation.Result result = InventorySimulation.run(demand, 7, new int[] {2, 2, 2}, 30,
                review -> new InventorySimulation.Levels(80, 80), Math::ceil, InventorySimulation.Unmet.BACKORDERED);
        assertThat(result.orders()).isEqualTo(3);
        assertThat(result.cycles()).isEqualTo(2);
        assertThat(result.stockoutCycles()).isEqualTo(2); // days 8 and 15
        assertThat(result.served()).isEqualTo(190); // served from the shelf on the day asked; the backlog later
        // net stock -10 on days 8 and 15 counts as an empty shelf
        double[] onHand = {20, 10, 50, 40, 30, 20, 10, 0, 0, 50, 40, 30, 20, 10, 0, 0, 50, 40, 30, 20, 10};
        assertThat(result.averageOnHand()).isCloseTo(Arrays.stream(onHand).average().orElseThrow(), within(1e-9));
    }

    @Test
    void noOrderAboveTheTriggerAndZeroLeadTimeArrivesBeforeDemand() {
        double[] demand = new double[14];
        Arrays.fill(demand, 5);
        InventorySimulation.Result result = InventorySimulation.run(demand, 7, new int[] {0, 0}, 40,
                review -> new InventorySimulation.Levels(10, 50));
        // day 0: position 40 > 10, no order; day 7: position 5 <= 10, order 45 arrives at once
        assertThat(result.orders()).isEqualTo(1);
        assertThat(result.served()).isEqualTo(70);
        // review 0's cycle [0, 7) sold from the initial 40; review 1's needs a third review to end
        assertThat(result.cycles()).isEqualTo(1);
        assertThat(result.stockoutCycles()).isZero();
    }

    /**
     * Packs of 10, at least 30 an order, lead time 1, 5 a day, order up to 40 at every review: day 0 (position 12)
     * 28 missing -> 30, the minimum; day 7 (position 7) 33 missing -> 40, whole packs.
     */
    @Test
    void ordersAreRoundedByTheOrderRules() {
        double[] demand = new double[14];
        Arrays.fill(demand, 5);
        InventoryPolicy packs = new InventoryPolicy(0.95, 1, 7, 0, 10, 30);
        InventorySimulation.Result result = InventorySimulation.run(demand, 7, new int[] {1, 1}, 12,
                review -> new InventorySimulation.Levels(40, 40), packs::orderQuantity,
                InventorySimulation.Unmet.LOST);
        // day 0: 12 - 5 = 7; day 1: 7 + 30 - 5 = 32; days 2..6: 27, 22, 17, 12, 7
        // day 7: position 7, missing 33 -> 40, arrives day 8; day 7: 2; day 8: 2 + 40 - 5 = 37; 9..13: 32 .. 12
        assertThat(result.orders()).isEqualTo(2);
        assertThat(result.served()).isEqualTo(70);
        double[] onHand = {7, 32, 27, 22, 17, 12, 7, 2, 37, 32, 27, 22, 17, 12};
        assertThat(result.averageOnHand()).isCloseTo(Arrays.stream(onHand).average().orElseThrow(), within(1e-9));
    }

    @Test
    void wilsonIntervalOfTheAchievedServiceLevel() {
        // 8 of 10: the textbook Wilson 95% interval is [0.490, 0.943]; all of 155 still admits 97.6%
        double[] ci = SimulationTables.wilson(8, 10);
        assertThat(ci[0]).isCloseTo(0.4902, within(1e-4));
        assertThat(ci[1]).isCloseTo(0.9433, within(1e-4));
        assertThat(SimulationTables.wilson(155, 155)[0]).isCloseTo(155 / (155 + 1.959964 * 1.959964), within(1e-9));
        assertThat(SimulationTables.wilson(155, 155)[1]).isEqualTo(1);
    }
}
