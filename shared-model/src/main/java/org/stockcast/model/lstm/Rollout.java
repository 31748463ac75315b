package org.stockcast.model.lstm;

/**
 * How the LSTM's autoregressive path is served. Fed its own output for up to 365 steps, the network's level
 * drifts away (issue 15 saw a 365-day MAPE of 1.69 against 0.085 for the additive model): nothing in a 10-day
 * window tells it where demand will be in a year.
 */
public enum Rollout {
    /** The raw autoregressive path. */
    FREE,
    /**
     * The path's weekly level pulled towards the history's last four weeks' mean, the pull growing as
     * {@code 1 - exp(-d / 28)} with the day index d: the network's weekly shape is kept, its level drift is not.
     */
    DAMPED
}
