package org.stockcast.model.ensemble;

import java.util.function.DoubleUnaryOperator;

/**
 * The unit a day's calibrated band is in: the history's {@link BandScale} (over the last {@code scaleDays} days, 0 =
 * the whole history) times a level factor (f / m)^p of the day's forecast f over the history's mean level m over
 * the same window, f floored at {@link #LEVEL_FLOOR} m. With {@code levelPower} 0 (versions saved before the rule
 * was recorded) the unit is the scale on every day; with 1 the errors are taken as proportional to the level, so a
 * seasonal series' high season gets the wider band its larger errors need and its low season a narrower one. The
 * backtest's origins and the served forecast use the same rule.
 */
record BandUnit(int scaleDays, double levelPower) {
    /** A forecast near 0 still gets a band: a quarter of the history's mean level. */
    static final double LEVEL_FLOOR = 0.25;
    /** The whole history's scale on every day: how versions saved before the unit was recorded serve. */
    static final BandUnit SCALE_ONLY = new BandUnit(0, 0);

    BandUnit {
        if (scaleDays < 0 || !(levelPower >= 0) || Double.isInfinite(levelPower)) {
            throw new IllegalArgumentException("band unit needs scaleDays >= 0, levelPower >= 0: " + scaleDays
                    + ", " + levelPower);
        }
    }

    /** The unit of each day of a forecast from the first {@code length} values, by the day's point forecast. */
    DoubleUnaryOperator of(double[] values, int length) {
        double scale = BandScale.of(values, length, scaleDays);
        if (levelPower == 0) {
            return forecast -> scale;
        }
        double level = BandScale.level(values, length, scaleDays);
        return forecast -> scale * factor(forecast, level, levelPower);
    }

    /** (max(f, floor m) / m)^p; 1 without a positive level (nothing to be proportional to). */
    static double factor(double forecast, double level, double power) {
        if (power == 0 || !(level > 0)) {
            return 1;
        }
        return Math.pow(Math.max(forecast, LEVEL_FLOOR * level) / level, power);
    }
}
