package org.stockcast.model.lstm;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The Keras-equivalent stack: LSTM(units) -> Dropout -> ... -> LSTM(units, last step) -> Dropout -> Dense(1), Adam, MSE.
 * DL4J's {@code dropOut(p)} is the probability of KEEPING a layer's input, so Keras' Dropout(d) after layer k
 * becomes {@code dropOut(1 - d)} on layer k + 1.
 */
final class LstmNetworks {
    private LstmNetworks() {
    }

    /** Weights of the stack: per LSTM layer 4 gate blocks of (inputs + recurrent + bias), then the dense output. */
    static long parameterCount(LstmConfig config) {
        long units = config.units();
        long count = 0;
        for (int i = 0; i < config.layers(); i++) {
            long inputs = i == 0 ? 1 : units;
            count += 4 * units * (inputs + units + 1);
        }
        return count + units + 1;
    }

    static MultiLayerNetwork fresh(LstmConfig config) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(config, WorkspaceMode.ENABLED));
        network.init();
        return network;
    }

    static MultiLayerConfiguration configuration(LstmConfig config, WorkspaceMode workspaces) {
        Activation activation = config.activation() == LstmConfig.Activation.RELU ? Activation.RELU : Activation.TANH;
        double keep = 1.0 - config.dropout();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(config.learningRate()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .list();
        for (int i = 0; i < config.layers(); i++) {
            LSTM.Builder lstm = new LSTM.Builder()
                    .nIn(i == 0 ? 1 : config.units())
                    .nOut(config.units())
                    .activation(activation)
                    .gateActivationFunction(Activation.SIGMOID);
            if (i > 0 && config.dropout() > 0) {
                lstm.dropOut(keep);
            }
            Layer layer = lstm.build();
            list.layer(i == config.layers() - 1 ? new LastTimeStep(layer) : layer);
        }
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                .nIn(config.units())
                .nOut(1)
                .activation(Activation.IDENTITY);
        if (config.dropout() > 0) {
            output.dropOut(keep);
        }
        list.layer(output.build());
        list.setInputType(InputType.recurrent(1, config.window()));
        return list.build();
    }
}
