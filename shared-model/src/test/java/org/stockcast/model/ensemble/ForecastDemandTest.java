package org.stockcast.model.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.stockcast.model.dataset.DailySeries;
import org.stockcast.model.intermittent.Intermittent;
import org.stockcast.model.intermittent.IntermittentDemand;
import org.stockcast.model.intermittent.IntermittentMethod;
import org.stockcast.model.stock.EmpiricalDemand;
import org.stockcast.model.stock.ErrorPaths;
import org.stockcast.model.stock.InventoryAdvice;
import org.stockcast.model.stock.InventoryAdvisor;
import org.stockcast.model.stock.InventoryPolicy;
import org.stockcast.model.stock.NoiseDemand;

class ForecastDemandTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    /** A demand of 5..15 units on one day in five, else nothing: intermittent by Syntetos-Boylan. */
    private static double[] sparse(int days) {
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[days];
        for (int d = 0; d < days; d++) {
            values[d] = random.nextDouble() < 0.2 ? 5 + random.nextInt(11) : 0;
        }
        return values;
    }

    @Test
    void anIntermittentSeriesGetsTheCompoundDistributionNotNormalNoise() {
        DailySeries history = new DailySeries(START, sparse(730));
        double[] forecast = new double[14];
        Arrays.fill(forecast, 2);
        ErrorPaths paths = ErrorPaths.of(new double[][] {new double[14]});
        assertThat(ForecastDemand.of(history, forecast, paths)).isInstanceOf(IntermittentDemand.class);

        InventoryAdvice advice = InventoryAdvisor.advise(history, forecast, ForecastDemand.of(history, forecast,
                paths), InventoryPolicy.DEFAULT, OptionalDouble.empty());
        // the reorder point is a quantile of sums of whole demands: P(no demand in 5 days) is about 0.8^5 = 0.33
        double[] totals = new IntermittentDemand(Intermittent.fit(history.values(), IntermittentMethod.SBA), 14,
                4000, ForecastDemand.SEED).totals(5);
        assertThat(Arrays.stream(totals).filter(t -> t == 0).count() / 4000.0).isCloseTo(0.33, within(0.06));
        Arrays.sort(totals);
        assertThat(advice.reorderPoint()).isCloseTo(totals[(int) (0.95 * 4001) - 1], within(2.0));
        InventoryAdvice normal = InventoryAdvisor.advise(history, forecast, InventoryPolicy.DEFAULT,
                OptionalDouble.empty());
        assertThat(advice.reorderPoint()).isNotCloseTo(normal.reorderPoint(), within(1.0));
    }

    @Test
    void aSmoothSeriesUsesItsErrorPathsOrNoiseWithoutThem() {
        double[] values = new double[200];
        Arrays.fill(values, 50);
        DailySeries history = new DailySeries(START, values);
        double[] forecast = new double[7];
        Arrays.fill(forecast, 50);
        assertThat(ForecastDemand.of(history, forecast, ErrorPaths.of(new double[][] {{1, 2}})))
                .isInstanceOf(EmpiricalDemand.class);
        assertThat(ForecastDemand.of(history, forecast, ErrorPaths.NONE)).isInstanceOf(NoiseDemand.class);
    }
}
