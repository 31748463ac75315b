package org.stockcast.model.smoothing;

/** Which exponential smoothing model a fit used; shorter histories fall back to simpler models. */
public enum SmoothingMode {
    /** Additive damped trend with additive season (ETS(A,Ad,A)): at least two full seasons observed. */
    SEASONAL_DAMPED,
    /** Additive damped trend, no season (ETS(A,Ad,N)): season 1 and at least 4 days. */
    DAMPED_TREND,
    /** Simple exponential smoothing (ETS(A,N,N)): too short for a season or a trend; a flat forecast. */
    LEVEL
}
