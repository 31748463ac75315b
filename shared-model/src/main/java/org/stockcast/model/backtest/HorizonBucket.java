package org.stockcast.model.backtest;

/**
 * The horizon ranges the ensemble is weighted and calibrated on, in days ahead (1 = the first forecast day).
 * A week, four weeks, a quarter, a year: the horizons buyers plan on, and the ones over which model skill
 * changes (autoregressive members are sharp for days, trend and yearly season carry the long range).
 */
public enum HorizonBucket {
    DAYS_1_7(1, 7),
    DAYS_8_28(8, 28),
    DAYS_29_91(29, 91),
    DAYS_92_365(92, 365);

    private final int first;
    private final int last;

    HorizonBucket(int first, int last) {
        this.first = first;
        this.last = last;
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    /** "1-7", "8-28", ...: the label in reports and in manifest.json. */
    public String label() {
        return first + "-" + last;
    }

    /** The bucket of the forecast day at index {@code dayIndex} (0 = first forecast day); beyond 365 the last one. */
    public static HorizonBucket ofIndex(int dayIndex) {
        if (dayIndex < 0) {
            throw new IllegalArgumentException("day index must be >= 0, was " + dayIndex);
        }
        for (HorizonBucket bucket : values()) {
            if (dayIndex + 1 <= bucket.last) {
                return bucket;
            }
        }
        return DAYS_92_365;
    }
}
