package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stockcast.model.additive.AdditiveForecast;
import org.stockcast.model.backtest.HorizonBucket;
import org.stockcast.model.dataset.DailySeries;

class BlendTest {
    private static final Offset<Double> EPS = within(1e-9);
    private static final DailySeries HISTORY = new DailySeries(LocalDate.of(2025, 9, 1), new double[] {1, 2, 3});

    private static AdditiveForecast additive(double[] yhat, double[] lower, double[] upper) {
        double[] zeros = new double[yhat.length];
        return new AdditiveForecast(LocalDate.of(2025, 9, 4), yhat, lower, upper, zeros, zeros, zeros);
    }

    @Test
    void weightedMeanWithAdditiveIntervalShiftedOntoTheBlend() {
        AdditiveForecast a = additive(new double[] {10, 1}, new double[] {8, -3}, new double[] {13, 4});
        EnsembleForecast f = Blend.of(HISTORY, a, new double[] {20, -5}, new EnsembleWeights(0.6, 0.4), 2);

        assertThat(f.start()).isEqualTo(LocalDate.of(2025, 9, 4));
        assertThat(f.forecast()[0]).isCloseTo(14, EPS);
        assertThat(f.lower()[0]).isCloseTo(12, EPS);
        assertThat(f.upper()[0]).isCloseTo(17, EPS);
        assertThat(f.additive()[0]).isCloseTo(10, EPS);
        assertThat(f.lstm()[0]).isCloseTo(20, EPS);
        // Day 2 blends to -1.4: everything is clamped at zero, the band stays ordered.
        assertThat(f.forecast()[1]).isCloseTo(0, EPS);
        assertThat(f.lower()[1]).isCloseTo(0, EPS);
        assertThat(f.upper()[1]).isCloseTo(1.6, EPS);
        assertThat(f.lstm()[1]).isCloseTo(0, EPS);
        assertThat(f.history()).isSameAs(HISTORY);
    }

    @Test
    void aCalibratedForecastsErrorPathsAreItsProfilesTimesTheScale() {
        Map<HorizonBucket, Band> bands = new EnumMap<>(HorizonBucket.class);
        for (HorizonBucket bucket : HorizonBucket.values()) {
            bands.put(bucket, new Band(-1, 1));
        }
        SeriesProfile profile = new SeriesProfile(HorizonWeights.uniform(Map.of(Member.ADDITIVE, 1.0)),
                bands, List.of(new double[] {1, -1}, new double[] {0.5, Double.NaN}));
        EnsembleForecast f = Blend.calibrated(HISTORY, Map.of(Member.ADDITIVE, new double[] {10, 10}),
                profile, 3, 2);

        assertThat(f.forecast()).containsExactly(10, 10);
        assertThat(f.lower()).containsExactly(7, 7);
        assertThat(f.errorPaths().size()).isEqualTo(2);
        assertThat(f.errorPaths().path(0)).containsExactly(3, -3);
        assertThat(f.errorPaths().sum(1, 1)).isCloseTo(1.5, EPS);
        assertThat(f.errorPaths().sum(1, 2)).isNaN();
    }

    @Test
    void weightsAreNormalised() {
        AdditiveForecast a = additive(new double[] {10}, new double[] {10}, new double[] {10});
        EnsembleForecast f = Blend.of(HISTORY, a, new double[] {20}, new EnsembleWeights(3, 1), 1);
        assertThat(f.forecast()[0]).isCloseTo(12.5, EPS);
    }

    @Test
    void prefixOfALongerForecastIsTheShorterForecast() {
        AdditiveForecast a = additive(new double[] {1, 2, 3}, new double[] {0, 1, 2}, new double[] {2, 3, 4});
        EnsembleForecast full = Blend.of(HISTORY, a, new double[] {3, 2, 1}, EnsembleWeights.DEFAULT, 3);
        EnsembleForecast two = Blend.of(HISTORY, a, new double[] {3, 2, 1}, EnsembleWeights.DEFAULT, 2);
        EnsembleForecast head = full.head(2);
        assertThat(head.forecast()).containsExactly(two.forecast(), EPS);
        assertThat(head.lower()).containsExactly(two.lower(), EPS);
        assertThat(head.upper()).containsExactly(two.upper(), EPS);
        assertThat(head.date(1)).isEqualTo(LocalDate.of(2025, 9, 5));
    }

    @Test
    void brokenModelsFailLoudly() {
        AdditiveForecast a = additive(new double[] {Double.NaN}, new double[] {0}, new double[] {1});
        assertThatThrownBy(() -> Blend.of(HISTORY, a, new double[] {1}, EnsembleWeights.DEFAULT, 1))
                .isInstanceOf(IllegalStateException.class);
        AdditiveForecast ok = additive(new double[] {1}, new double[] {0}, new double[] {2});
        assertThatThrownBy(() -> Blend.of(HISTORY, ok, new double[] {1}, new EnsembleWeights(0, 0), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
