package org.stockcast.model.intermittent;

/**
 * Exponential smoothing constants: {@code size} for the non-zero demand size, {@code timing} for the interval
 * between demands (Croston, SBA) or for the demand probability (TSB).
 */
public record SmoothingConstants(double size, double timing) {
    public SmoothingConstants {
        if (!(size > 0 && size <= 1 && timing > 0 && timing <= 1)) {
            throw new IllegalArgumentException("smoothing constants must be in (0, 1]");
        }
    }
}
