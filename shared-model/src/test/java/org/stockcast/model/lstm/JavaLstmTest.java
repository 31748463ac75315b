package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JavaLstmTest {

    @ParameterizedTest
    @EnumSource(LstmConfig.Activation.class)
    void plainJavaForwardPassEqualsDl4jOutput(LstmConfig.Activation activation) {
        LstmConfig config = new LstmConfig(6, 5, 2, 0.2, activation, 0.01, 8, 1, 1, 0.1, 3L, 100);
        MultiLayerNetwork network = LstmNetworks.fresh(config);
        assertThat(network.numParams()).isEqualTo(LstmNetworks.parameterCount(config));
        // Random weights and biases everywhere, so a swapped gate block or transposed matrix cannot go unnoticed.
        Nd4j.getRandom().setSeed(11);
        network.setParams(Nd4j.randn(DataType.FLOAT, 1, network.numParams()).muli(0.6));
        JavaLstm java = JavaLstm.of(network, config);

        Random random = new Random(5);
        int examples = 20;
        float[] inputs = new float[examples * config.window()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) (random.nextGaussian() * 1.5);
        }
        INDArray dl4j = network.output(Nd4j.create(inputs, new long[]{examples, 1, config.window()}, 'c'), false);

        double maxAbs = 0;
        for (int e = 0; e < examples; e++) {
            double[] window = new double[config.window()];
            for (int t = 0; t < window.length; t++) {
                window[t] = inputs[e * config.window() + t];
            }
            double expected = dl4j.getDouble(e, 0);
            maxAbs = Math.max(maxAbs, Math.abs(expected));
            assertThat(java.predict(window)).as("example %d", e).isCloseTo(expected, within(1e-4 + 1e-4 * Math.abs(expected)));
        }
        assertThat(maxAbs).as("outputs must not be trivially zero").isGreaterThan(0.05);
    }
}
