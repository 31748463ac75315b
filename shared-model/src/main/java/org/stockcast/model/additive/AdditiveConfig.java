package org.stockcast.model.additive;

import java.util.List;

/**
 * Prophet's defaults, named as Prophet names them. Yearly/weekly seasonality follow Prophet's 'auto' rule: on
 * only when the history spans >= 730 / >= 14 days; an order of 0 turns one off. {@code uncertaintySamples} = 0
 * gives no interval (lower = upper = yhat). {@code seed} makes the interval samples reproducible.
 */
public record AdditiveConfig(int changepoints, double changepointRange, double changepointPriorScale,
                             double seasonalityPriorScale, double holidaysPriorScale,
                             int yearlyOrder, int weeklyOrder, SeasonalityMode mode,
                             double intervalWidth, int uncertaintySamples, List<SpecialDay> specialDays,
                             long seed) {

    public AdditiveConfig {
        specialDays = specialDays == null ? List.of() : List.copyOf(specialDays);
    }

    public static AdditiveConfig defaults() {
        return new AdditiveConfig(25, 0.8, 0.05, 10.0, 10.0, 10, 3, SeasonalityMode.ADDITIVE,
                0.8, 1000, List.of(), 42L);
    }

    public AdditiveConfig withMode(SeasonalityMode newMode) {
        return new AdditiveConfig(changepoints, changepointRange, changepointPriorScale, seasonalityPriorScale,
                holidaysPriorScale, yearlyOrder, weeklyOrder, newMode, intervalWidth, uncertaintySamples,
                specialDays, seed);
    }

    public AdditiveConfig withInterval(double width, int samples) {
        return new AdditiveConfig(changepoints, changepointRange, changepointPriorScale, seasonalityPriorScale,
                holidaysPriorScale, yearlyOrder, weeklyOrder, mode, width, samples, specialDays, seed);
    }

    public AdditiveConfig withSpecialDays(List<SpecialDay> days) {
        return new AdditiveConfig(changepoints, changepointRange, changepointPriorScale, seasonalityPriorScale,
                holidaysPriorScale, yearlyOrder, weeklyOrder, mode, intervalWidth, uncertaintySamples, days, seed);
    }

    public AdditiveConfig withSeed(long newSeed) {
        return new AdditiveConfig(changepoints, changepointRange, changepointPriorScale, seasonalityPriorScale,
                holidaysPriorScale, yearlyOrder, weeklyOrder, mode, intervalWidth, uncertaintySamples, specialDays,
                newSeed);
    }
}
