package org.stockcast.model.additive;

import java.util.ArrayList;
import java.util.List;

/**
 * The seasonal/special-day columns of the model: Fourier blocks in {@link #seasonalities()} order, then one
 * indicator column per special day and offset (-daysBefore..+daysAfter), as Prophet's holiday features.
 */
record FeatureLayout(List<SeasonalitySpec> seasonalities, List<SpecialDay> specialDays) {

    FeatureLayout {
        seasonalities = List.copyOf(seasonalities);
        specialDays = List.copyOf(specialDays);
    }

    /** Prophet's 'auto' rule: yearly needs two years of history, weekly two weeks (history is daily). */
    static FeatureLayout forHistory(int historyDays, AdditiveConfig config) {
        return forHistory(historyDays, config, AdditiveModel.YEARLY_SPAN);
    }

    /** As Prophet's rule, with yearly seasonality from a history span of {@code yearlySpan} days. */
    static FeatureLayout forHistory(int historyDays, AdditiveConfig config, int yearlySpan) {
        List<SeasonalitySpec> seasonalities = new ArrayList<>();
        long span = historyDays - 1L;
        if (config.yearlyOrder() > 0 && span >= yearlySpan) {
            seasonalities.add(new SeasonalitySpec(SeasonalitySpec.YEARLY, SeasonalitySpec.YEARLY_PERIOD,
                    config.yearlyOrder()));
        }
        if (config.weeklyOrder() > 0 && span >= 14) {
            seasonalities.add(new SeasonalitySpec(SeasonalitySpec.WEEKLY, SeasonalitySpec.WEEKLY_PERIOD,
                    config.weeklyOrder()));
        }
        return new FeatureLayout(seasonalities, config.specialDays());
    }

    int columns() {
        int columns = 0;
        for (SeasonalitySpec s : seasonalities) {
            columns += s.columns();
        }
        return columns + specialDayColumns();
    }

    int specialDayColumns() {
        int columns = 0;
        for (SpecialDay day : specialDays) {
            columns += windowLength(day);
        }
        return columns;
    }

    static int windowLength(SpecialDay day) {
        return day.daysBefore() + day.daysAfter() + 1;
    }

    /** First column of seasonality {@code index}. */
    int seasonalityOffset(int index) {
        int offset = 0;
        for (int i = 0; i < index; i++) {
            offset += seasonalities.get(i).columns();
        }
        return offset;
    }

    int specialDaysOffset() {
        return seasonalityOffset(seasonalities.size());
    }

    /** Row-major {@code days x columns()} features for consecutive days starting at {@code firstEpochDay}. */
    double[] features(long firstEpochDay, int days) {
        int p = columns();
        double[] x = new double[days * p];
        for (int i = 0; i < days; i++) {
            int offset = i * p;
            for (SeasonalitySpec s : seasonalities) {
                Fourier.features((double) (firstEpochDay + i), s.period(), s.order(), x, offset);
                offset += s.columns();
            }
        }
        int column = specialDaysOffset();
        for (SpecialDay day : specialDays) {
            for (var date : day.dates()) {
                for (int o = -day.daysBefore(); o <= day.daysAfter(); o++) {
                    long row = date.toEpochDay() + o - firstEpochDay;
                    if (row >= 0 && row < days) {
                        x[(int) row * p + column + o + day.daysBefore()] = 1.0;
                    }
                }
            }
            column += windowLength(day);
        }
        return x;
    }

    /** Prior precision (1 / scale^2) of every column. */
    double[] priorPrecisions(AdditiveConfig config) {
        double[] precision = new double[columns()];
        int seasonalColumns = specialDaysOffset();
        double seasonal = 1.0 / (config.seasonalityPriorScale() * config.seasonalityPriorScale());
        double special = 1.0 / (config.holidaysPriorScale() * config.holidaysPriorScale());
        for (int j = 0; j < precision.length; j++) {
            precision[j] = j < seasonalColumns ? seasonal : special;
        }
        return precision;
    }
}
