package org.stockcast.model.intermittent;

/** Forecasting methods for intermittent demand. */
public enum IntermittentMethod {
    /** Croston (1972): smoothed demand size / smoothed interval between demands, updated on demand days. */
    CROSTON,
    /** Syntetos-Boylan approximation (2005): Croston times (1 - b/2), b the interval constant (removes its bias). */
    SBA,
    /** Teunter-Syntetos-Babai (2011): smoothed demand probability, updated every day, times smoothed size. */
    TSB
}
