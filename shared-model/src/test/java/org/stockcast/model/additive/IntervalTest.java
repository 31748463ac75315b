package org.stockcast.model.additive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void eightyPercentIntervalsCoverAboutEightyPercentOfFreshNoise() {
        // fit on the first 670 days; the true slope changes at days 304 and 532, both inside the first 80%
        // of the training history where potential changepoints sit, so the last 90 days are the same process
        SyntheticSeries truth = SyntheticSeries.generate(760, 4.0, 21);
        FittedAdditiveModel model = AdditiveModel.fit(truth.series().head(670), AdditiveConfig.defaults());
        AdditiveForecast f = model.predict(90);
        int covered = 0;
        for (int i = 0; i < 90; i++) {
            double actual = truth.series().values()[670 + i];
            if (actual >= f.lower()[i] && actual <= f.upper()[i]) {
                covered++;
            }
        }
        assertThat(covered / 90.0).isCloseTo(0.8, within(0.1));
    }

    @Test
    void widthFollowsTheConfiguredLevelAndGrowsWithTheHorizon() {
        SyntheticSeries truth = SyntheticSeries.generate(500, 3.0, 8);
        AdditiveForecast eighty = AdditiveModel.fit(truth.series(), AdditiveConfig.defaults()).predict(365);
        AdditiveForecast ninetyFive = AdditiveModel.fit(truth.series(),
                AdditiveConfig.defaults().withInterval(0.95, 1000)).predict(365);
        double width80 = eighty.upper()[0] - eighty.lower()[0];
        double width95 = ninetyFive.upper()[0] - ninetyFive.lower()[0];
        // normal quantiles: 2 * 1.2816 sigma and 2 * 1.96 sigma
        assertThat(width95 / width80).isCloseTo(1.96 / 1.2816, within(0.15));
        // future trend changes widen the interval far ahead
        assertThat(eighty.upper()[364] - eighty.lower()[364]).isGreaterThan(1.5 * width80);
    }

    @Test
    void seedChangesOnlyTheIntervalSamples() {
        FittedAdditiveModel model = AdditiveModel.fit(SyntheticSeries.generate(300, 2.0, 2).series(),
                AdditiveConfig.defaults());
        AdditiveForecast a = model.predict(30, 1L);
        AdditiveForecast b = model.predict(30, 2L);
        assertThat(a.yhat()).containsExactly(b.yhat());
        assertThat(a.lower()).isNotEqualTo(b.lower());
        assertThat(model.predict(30, 1L).lower()).containsExactly(a.lower());
    }

    @Test
    void thePointForecastIsThePredictionsWithoutItsInterval() {
        FittedAdditiveModel model = AdditiveModel.fit(SyntheticSeries.generate(400, 2.0, 5).series(),
                AdditiveConfig.defaults());
        AdditiveForecast full = model.predict(120);
        assertThat(model.pointForecast(120)).containsExactly(full.yhat());
        assertThat(model.pointForecast(0)).isEmpty();
    }

    @Test
    void noSamplesMeansNoInterval() {
        FittedAdditiveModel model = AdditiveModel.fit(SyntheticSeries.generate(100, 2.0, 2).series(),
                AdditiveConfig.defaults().withInterval(0.8, 0));
        AdditiveForecast f = model.predict(10);
        assertThat(f.lower()).containsExactly(f.yhat());
        assertThat(f.upper()).containsExactly(f.yhat());
    }

    @Test
    void quantilesInterpolateLikeNumpy() {
        // numpy.percentile([1..10], 10) = 1.9, 90 -> 9.1
        double[] values = {7, 3, 10, 1, 5, 9, 2, 8, 4, 6};
        assertThat(Quantiles.quantile(values, 0.1, 0)).isCloseTo(1.9, within(1e-12));
        assertThat(Quantiles.quantile(values, 0.9, 1)).isCloseTo(9.1, within(1e-12));
    }

    @Test
    void quantilesWithPivotHintsMatchSorting() {
        java.util.Random random = new java.util.Random(1);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextGaussian(); // with ties
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            double hint = trial % 3 == 0 ? Double.NaN : 3 * random.nextGaussian();
            double low = Quantiles.quantile(values, 0.1, 0, hint);
            double high = Quantiles.quantile(values, 0.9, (int) Math.floor(0.1 * (n - 1)) + 1, -hint);
            assertThat(low).isCloseTo(interpolated(sorted, 0.1), within(1e-12));
            assertThat(high).isCloseTo(interpolated(sorted, 0.9), within(1e-12));
        }
    }

    private static double interpolated(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        if (below + 1 >= sorted.length) {
            return sorted[below];
        }
        return sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
    }
}
