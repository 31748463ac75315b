package org.stockcast.model.ensemble;

/**
 * Interval offsets around the point forecast in units of the series' MASE scale: the interval of a day is
 * [forecast + lower * scale, forecast + upper * scale], lower <= upper.
 */
public record Band(double lower, double upper) {
    public Band {
        if (!(lower <= upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("band needs finite lower <= upper: " + lower + ", " + upper);
        }
    }
}
