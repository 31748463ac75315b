package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ParallelGradientsTest {
    private static final String[] KEYS = {"0_W", "0_RW", "0_b", "1_W", "1_RW", "1_b", "2_W", "2_b"};

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void splitMinibatchGivesTheSingleThreadedLossAndGradients(int threads) {
        for (LstmConfig.Activation activation : LstmConfig.Activation.values()) {
            LstmConfig config = new LstmConfig(6, 5, 2, 0.0, activation, 0.01, 8, 1, 1, 0.1, 3L, 100, 1);
            MultiLayerNetwork network = LstmNetworks.fresh(config);
            Nd4j.getRandom().setSeed(11);
            network.setParams(Nd4j.randn(DataType.FLOAT, 1, network.numParams()).muli(0.6));
            Random random = new Random(5);
            float[] inputs = new float[20 * config.window()];
            float[] targets = new float[20];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = (float) (random.nextGaussian() * 1.5);
            }
            for (int i = 0; i < targets.length; i++) {
                targets[i] = (float) random.nextGaussian();
            }
            // A full minibatch (8), and a short last one (7: parts of 4 and 3, or 3, 2, 2) starting mid-array.
            for (int[] batch : new int[][]{{0, 8}, {11, 7}}) {
                JavaLstmTraining single = new JavaLstmTraining(config, 8);
                single.readParameters(network);
                double expectedLoss = single.lossAndGradients(inputs, targets, batch[0], batch[1], null);

                JavaLstmTraining split = new JavaLstmTraining(config, 8);
                split.readParameters(network);
                double loss;
                try (ParallelGradients parallel = new ParallelGradients(split, config.withTrainingThreads(threads))) {
                    assertThat(parallel.threads()).isEqualTo(threads);
                    loss = parallel.lossAndGradients(inputs, targets, batch[0], batch[1], null);
                }
                assertThat(loss).isCloseTo(expectedLoss, within(1e-5 * Math.abs(expectedLoss)));
                double largest = 0;
                for (String key : KEYS) {
                    float[] expected = NamedGradients.of(single, key);
                    float[] actual = NamedGradients.of(split, key);
                    for (int i = 0; i < expected.length; i++) {
                        largest = Math.max(largest, Math.abs(expected[i]));
                        assertThat((double) actual[i]).as("%s %s[%d], batch at %d", activation, key, i, batch[0])
                                .isCloseTo(expected[i], within(1e-7 + 1e-5 * Math.abs(expected[i])));
                    }
                }
                assertThat(largest).as("gradients must not be trivially zero").isGreaterThan(0.01);
            }
        }
    }

    @Test
    void twoThreadRunsWithDropoutAreBitwiseIdentical() {
        LstmConfig config = new LstmConfig(10, 8, 2, 0.2, LstmConfig.Activation.RELU, 0.01, 32, 3, 3, 0.1, 7L,
                20_000, 2);
        TrainingWindows windows = TrainingWindows.build(List.of(SyntheticSeries.weekly(400, 50, 20, 0, 1),
                SyntheticSeries.weekly(300, 20, 5, 1, 2)), config, Optional.empty());
        float[] first = trainedParameters(config, windows);
        float[] second = trainedParameters(config, windows);
        assertThat(second).isEqualTo(first);
        float[] start = LstmNetworks.fresh(config).params().toFloatVector();
        assertThat(first).as("training must move the weights").isNotEqualTo(start);
    }

    @Test
    void masksAreDrawnOnTheCallerThreadInPartOrder() {
        LstmConfig config = new LstmConfig(6, 5, 2, 0.3, LstmConfig.Activation.RELU, 0.01, 8, 1, 1, 0.1, 3L, 100, 2);
        JavaLstmTraining training = new JavaLstmTraining(config, 8);
        training.readParameters(LstmNetworks.fresh(config));
        float[] inputs = new float[8 * config.window()];
        float[] targets = new float[8];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (i % 7) * 0.3f;
        }
        targets[3] = 1f;
        SplittableRandom a = new SplittableRandom(1);
        SplittableRandom b = new SplittableRandom(1);
        try (ParallelGradients parallel = new ParallelGradients(training, config)) {
            double first = parallel.lossAndGradients(inputs, targets, 0, 8, a);
            float[] firstGradient = NamedGradients.of(training, "1_RW");
            double second = parallel.lossAndGradients(inputs, targets, 0, 8, b);
            assertThat(second).isEqualTo(first);
            assertThat(NamedGradients.of(training, "1_RW")).isEqualTo(firstGradient);
            // Both random streams are left at the same place: every mask came from the caller's stream.
            assertThat(b.nextLong()).isEqualTo(a.nextLong());
        }
    }

    private static float[] trainedParameters(LstmConfig config, TrainingWindows windows) {
        MultiLayerNetwork network = LstmNetworks.fresh(config);
        new LstmTrainer.EarlyStopping(config, TrainingListener.NONE).run(network, windows);
        return network.params().toFloatVector();
    }
}
