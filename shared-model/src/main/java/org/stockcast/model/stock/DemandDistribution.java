package org.stockcast.model.stock;

/**
 * The forecast's predictive distribution of demand from the first forecast day on, as far as the inventory policy
 * needs it: the point forecast per day and equally likely outcomes of the total demand over the first n days.
 * The ensemble builds one from its out-of-sample backtest errors; tests build them from known distributions.
 */
public interface DemandDistribution {
    /** Point forecast per day (units/day), day 0 = the first forecast day. */
    double[] mean();

    /**
     * Equally likely outcomes (any order, each >= 0) of total demand over days [0, days), days >= 1. May be
     * called with days beyond {@code mean().length}; implementations extend their last day's behaviour.
     */
    double[] totals(int days);
}
