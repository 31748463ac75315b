package org.stockcast.model.lstm;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Small deterministic demand series for LSTM tests: weekly seasonality, a level and noise. */
final class SyntheticSeries {
    private SyntheticSeries() {
    }

    static double[] weekly(int days, double level, double amplitude, double phase, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int t = 0; t < days; t++) {
            double seasonal = amplitude * Math.sin(2 * Math.PI * t / 7.0 + phase);
            values[t] = Math.max(0, level + seasonal + level * 0.05 * random.nextGaussian());
        }
        return values;
    }

    static LstmConfig tinyConfig(int epochs) {
        return new LstmConfig(10, 8, 2, 0.0, LstmConfig.Activation.RELU, 0.01, 32, epochs, 3, 0.1, 7L, 20_000);
    }

    static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
