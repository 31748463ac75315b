package org.stockcast.model.ensemble;

/**
 * The ensemble's members: the additive (Prophet-style) model, the global LSTM, seasonal-naive, damped Holt-Winters
 * with a weekly season ({@code smoothing}) and the Syntetos-Boylan approximation of Croston's method
 * ({@code intermittent}; SBA rather than Croston or TSB because it beat Croston on most series of the members
 * benchmark and TSB went either way). A member that is refitted at every backtest origin can be scored at any origin (and so
 * at long horizons); the LSTM is trained once per version, so it is scored only on the holdout its weights never
 * saw, and gets no weight beyond the horizon it was validated on.
 */
public enum Member {
    ADDITIVE(true),
    LSTM(false),
    SEASONAL_NAIVE(true),
    HOLT_WINTERS(true),
    INTERMITTENT(true);

    private final boolean refitPerOrigin;

    Member(boolean refitPerOrigin) {
        this.refitPerOrigin = refitPerOrigin;
    }

    public boolean refitPerOrigin() {
        return refitPerOrigin;
    }
}
