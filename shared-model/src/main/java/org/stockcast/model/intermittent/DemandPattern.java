package org.stockcast.model.intermittent;

/**
 * Syntetos-Boylan-Croston demand classes, cut at ADI 1.32 (average days per demand) and CV^2 0.49 (squared
 * coefficient of variation of the non-zero demand sizes).
 */
public enum DemandPattern {
    /** ADI <= 1.32, CV^2 <= 0.49: demand most days, steady sizes; smooth-series methods suit it. */
    SMOOTH,
    /** ADI > 1.32, CV^2 <= 0.49: many zero days, steady sizes. */
    INTERMITTENT,
    /** ADI > 1.32, CV^2 > 0.49: many zero days and very variable sizes. */
    LUMPY,
    /** ADI <= 1.32, CV^2 > 0.49: demand most days, very variable sizes. */
    ERRATIC,
    /** No observed day with demand. */
    NO_DEMAND;

    /** Croston-type methods (rather than smooth-series ones) are made for these classes. */
    public boolean intermittent() {
        return this == INTERMITTENT || this == LUMPY;
    }
}
