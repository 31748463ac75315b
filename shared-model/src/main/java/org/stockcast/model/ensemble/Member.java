package org.stockcast.model.ensemble;

/**
 * The ensemble's members. A member that is refitted at every backtest origin can be scored at any origin (and so
 * at long horizons); the LSTM is trained once per version, so it is scored only on the holdout its weights never
 * saw, and gets no weight beyond the horizon it was validated on.
 */
public enum Member {
    ADDITIVE(true),
    LSTM(false),
    SEASONAL_NAIVE(true);

    private final boolean refitPerOrigin;

    Member(boolean refitPerOrigin) {
        this.refitPerOrigin = refitPerOrigin;
    }

    public boolean refitPerOrigin() {
        return refitPerOrigin;
    }
}
