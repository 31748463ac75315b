package org.stockcast.model.additive;

/** One Fourier seasonality: Prophet's name, period in days and order. */
record SeasonalitySpec(String name, double period, int order) {
    static final String YEARLY = "yearly";
    static final String WEEKLY = "weekly";
    static final double YEARLY_PERIOD = 365.25;
    static final double WEEKLY_PERIOD = 7.0;

    int columns() {
        return 2 * order;
    }
}
