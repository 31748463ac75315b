package org.stockcast.model.additive;

import java.util.List;

/** Prophet's defaults, named as Prophet names them. */
public record AdditiveConfig(int changepoints, double changepointRange, double changepointPriorScale,
                             double seasonalityPriorScale, double holidaysPriorScale,
                             int yearlyOrder, int weeklyOrder, SeasonalityMode mode,
                             double intervalWidth, int uncertaintySamples, List<SpecialDay> specialDays,
                             long seed) {

    public static AdditiveConfig defaults() {
        return new AdditiveConfig(25, 0.8, 0.05, 10.0, 10.0, 10, 3, SeasonalityMode.ADDITIVE,
                0.8, 1000, List.of(), 42L);
    }
}
