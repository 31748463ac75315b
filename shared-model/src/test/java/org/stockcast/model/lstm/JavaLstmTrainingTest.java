package org.stockcast.model.lstm;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JavaLstmTrainingTest {

    @ParameterizedTest
    @EnumSource(LstmConfig.Activation.class)
    void gradientsAndLossEqualDl4js(LstmConfig.Activation activation) {
        // Dropout 0: DL4J's masks are random, so the comparison needs the deterministic network.
        LstmConfig config = new LstmConfig(6, 5, 2, 0.0, activation, 0.01, 8, 1, 1, 0.1, 3L, 100);
        MultiLayerNetwork network = LstmNetworks.fresh(config);
        Nd4j.getRandom().setSeed(11);
        network.setParams(Nd4j.randn(DataType.FLOAT, 1, network.numParams()).muli(0.6));

        Random random = new Random(5);
        int examples = 7;
        float[] inputs = new float[examples * config.window()];
        float[] targets = new float[examples];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) (random.nextGaussian() * 1.5);
        }
        for (int i = 0; i < examples; i++) {
            targets[i] = (float) random.nextGaussian();
        }
        network.setInput(Nd4j.create(inputs, new long[]{examples, 1, config.window()}, 'c'));
        network.setLabels(Nd4j.create(targets, new long[]{examples, 1}, 'c'));
        network.computeGradientAndScore();
        Gradient dl4j = network.gradient();

        JavaLstmTraining java = new JavaLstmTraining(config, 8);
        java.readParameters(network);
        assertThat((long) java.parameterCount()).isEqualTo(network.numParams());
        double loss = java.lossAndGradients(inputs, targets, 0, examples, null);
        assertThat(loss).isCloseTo(network.score(), within(1e-4 * Math.max(1, network.score())));

        double largest = 0;
        for (String key : new String[]{"0_W", "0_RW", "0_b", "1_W", "1_RW", "1_b", "2_W", "2_b"}) {
            INDArray expected = dl4j.getGradientFor(key);
            float[] actual = NamedGradients.of(java, key);
            long cols = expected.rank() == 1 ? expected.length() : expected.size(1);
            assertThat((long) actual.length).as(key).isEqualTo(expected.length());
            for (int i = 0; i < actual.length; i++) {
                int r = (int) (i / cols);
                int c = (int) (i % cols);
                double value = expected.rank() == 1 ? expected.getDouble(c) : expected.getDouble(r, c);
                largest = Math.max(largest, Math.abs(value));
                // DL4J's gradient is the summed loss; the updater divides by the minibatch size.
                assertThat((double) actual[i]).as("%s[%d][%d]", key, r, c)
                        .isCloseTo(value / examples, within(1e-4 + 1e-3 * Math.abs(value / examples)));
            }
        }
        assertThat(largest).as("gradients must not be trivially zero").isGreaterThan(0.05);
    }

    @ParameterizedTest
    @EnumSource(LstmConfig.Activation.class)
    void adamStepsEqualDl4jFit(LstmConfig.Activation activation) {
        LstmConfig config = new LstmConfig(6, 5, 2, 0.0, activation, 0.01, 8, 1, 1, 0.1, 3L, 100);
        MultiLayerNetwork network = LstmNetworks.fresh(config);
        Random random = new Random(9);
        int examples = 8;
        float[] inputs = new float[examples * config.window()];
        float[] targets = new float[examples];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) (random.nextGaussian() * 1.5);
        }
        for (int i = 0; i < examples; i++) {
            targets[i] = (float) random.nextGaussian();
        }
        JavaLstmTraining java = new JavaLstmTraining(config, 8);
        java.readParameters(network);
        INDArray features = Nd4j.create(inputs, new long[]{examples, 1, config.window()}, 'c');
        INDArray labels = Nd4j.create(targets, new long[]{examples, 1}, 'c');
        for (int step = 0; step < 5; step++) {
            network.fit(features, labels);
            java.lossAndGradients(inputs, targets, 0, examples, null);
            java.adamStep();
        }
        JavaLstmTraining dl4jAfter = new JavaLstmTraining(config, 8);
        dl4jAfter.readParameters(network);
        float[] expected = dl4jAfter.parameters();
        float[] actual = java.parameters();
        JavaLstmTraining start = new JavaLstmTraining(config, 8);
        start.readParameters(LstmNetworks.fresh(config));
        double moved = 0;
        for (int i = 0; i < actual.length; i++) {
            moved = Math.max(moved, Math.abs(expected[i] - start.parameters()[i]));
            assertThat((double) actual[i]).as("parameter %d", i).isCloseTo(expected[i], within(2e-5));
        }
        assertThat(moved).as("5 Adam steps at lr 0.01 must move the weights").isGreaterThan(0.03);
    }

    @org.junit.jupiter.api.Test
    void continuesDl4jsAdamStateAndWritesItBack() {
        LstmConfig config = new LstmConfig(6, 5, 2, 0.0, LstmConfig.Activation.RELU, 0.01, 8, 1, 1, 0.1, 3L, 100);
        MultiLayerNetwork network = LstmNetworks.fresh(config);
        Random random = new Random(13);
        int examples = 8;
        float[] inputs = new float[examples * config.window()];
        float[] targets = new float[examples];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) (random.nextGaussian() * 1.5);
        }
        for (int i = 0; i < examples; i++) {
            targets[i] = (float) random.nextGaussian();
        }
        INDArray features = Nd4j.create(inputs, new long[]{examples, 1, config.window()}, 'c');
        INDArray labels = Nd4j.create(targets, new long[]{examples, 1}, 'c');
        for (int step = 0; step < 3; step++) {
            network.fit(features, labels);
        }
        assertThat(network.getLayerWiseConfigurations().getIterationCount()).isEqualTo(3);
        JavaLstmTraining java = new JavaLstmTraining(config, 8);
        int[] indexes = java.dl4jIndexes(config);
        java.readState(network, indexes);
        for (int step = 0; step < 3; step++) {
            network.fit(features, labels);
            java.lossAndGradients(inputs, targets, 0, examples, null);
            java.adamStep();
        }
        MultiLayerNetwork written = LstmNetworks.fresh(config);
        written.getUpdater();
        java.writeState(written, indexes);
        assertThat(written.getLayerWiseConfigurations().getIterationCount()).isEqualTo(6);
        float[] expectedParams = network.params().toFloatVector();
        float[] actualParams = written.params().toFloatVector();
        for (int i = 0; i < expectedParams.length; i++) {
            assertThat((double) actualParams[i]).as("parameter %d", i).isCloseTo(expectedParams[i], within(2e-5));
        }
        float[] expectedState = network.getUpdater().getStateViewArray().toFloatVector();
        float[] actualState = written.getUpdater().getStateViewArray().toFloatVector();
        double largest = 0;
        for (int i = 0; i < expectedState.length; i++) {
            largest = Math.max(largest, Math.abs(expectedState[i]));
            assertThat((double) actualState[i]).as("Adam state %d", i)
                    .isCloseTo(expectedState[i], within(1e-5 + 1e-3 * Math.abs(expectedState[i])));
        }
        assertThat(largest).isGreaterThan(1e-3);
    }

    @org.junit.jupiter.api.Test
    void defaultArchitectureWithDropoutKeepsOneAdamBlockThatRoundTrips() {
        LstmConfig config = LstmConfig.defaults();
        MultiLayerNetwork network = LstmNetworks.fresh(config);
        JavaLstmTraining java = new JavaLstmTraining(config, config.batchSize());
        int[] indexes = java.dl4jIndexes(config);
        java.readState(network, indexes);
        MultiLayerNetwork copy = LstmNetworks.fresh(config);
        copy.setParams(copy.params().mul(0));
        java.writeState(copy, indexes);
        assertThat(copy.params()).isEqualTo(network.params());
    }
}
