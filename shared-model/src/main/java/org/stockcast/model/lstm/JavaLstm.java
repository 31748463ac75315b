package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference-only copy of a trained DL4J network as plain arrays: the same maths as DL4J's {@code LSTM} layer
 * (gate blocks in DL4J's order: block input with the layer activation, then forget, output and input gates with
 * sigmoid; {@code h = o * act(c)}) followed by the dense output. Immutable, so any number of threads can forecast
 * at once without native calls or shared recurrent state; {@code JavaLstmTest} pins it to DL4J's output.
 */
final class JavaLstm {
    private final int window;
    private final int units;
    private final boolean relu;
    private final double[][] inputWeights;
    private final double[][] recurrentWeights;
    private final double[][] biases;
    private final double[] outputWeights;
    private final double outputBias;

    private JavaLstm(int window, int units, boolean relu, double[][] inputWeights, double[][] recurrentWeights,
                     double[][] biases, double[] outputWeights, double outputBias) {
        this.window = window;
        this.units = units;
        this.relu = relu;
        this.inputWeights = inputWeights;
        this.recurrentWeights = recurrentWeights;
        this.biases = biases;
        this.outputWeights = outputWeights;
        this.outputBias = outputBias;
    }

    static JavaLstm of(MultiLayerNetwork network, LstmConfig config) {
        int layers = config.layers();
        double[][] w = new double[layers][];
        double[][] rw = new double[layers][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = rowMajor(network.getParam(l + "_W"));
            rw[l] = rowMajor(network.getParam(l + "_RW"));
            b[l] = rowMajor(network.getParam(l + "_b"));
        }
        double[] outW = rowMajor(network.getParam(layers + "_W"));
        double outB = network.getParam(layers + "_b").getDouble(0);
        return new JavaLstm(config.window(), config.units(), config.activation() == LstmConfig.Activation.RELU,
                w, rw, b, outW, outB);
    }

    private static double[] rowMajor(INDArray matrix) {
        long rows = matrix.rank() == 1 ? 1 : matrix.size(0);
        long cols = matrix.rank() == 1 ? matrix.length() : matrix.size(1);
        double[] out = new double[Math.toIntExact(rows * cols)];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[(int) (r * cols + c)] = matrix.rank() == 1 ? matrix.getDouble(c) : matrix.getDouble(r, c);
            }
        }
        return out;
    }

    int window() {
        return window;
    }

    /** Network output for one window of standardised inputs (length {@code window}). */
    double predict(double[] standardised) {
        int gatesPerUnit = 4 * units;
        double[] sequence = standardised;
        int inputSize = 1;
        double[] h = new double[units];
        double[] c = new double[units];
        double[] gates = new double[gatesPerUnit];
        for (int l = 0; l < inputWeights.length; l++) {
            boolean last = l == inputWeights.length - 1;
            double[] w = inputWeights[l];
            double[] rw = recurrentWeights[l];
            double[] b = biases[l];
            double[] outputs = last ? null : new double[window * units];
            java.util.Arrays.fill(h, 0);
            java.util.Arrays.fill(c, 0);
            for (int t = 0; t < window; t++) {
                System.arraycopy(b, 0, gates, 0, gatesPerUnit);
                for (int k = 0; k < inputSize; k++) {
                    addScaled(gates, w, k * gatesPerUnit, sequence[t * inputSize + k]);
                }
                for (int k = 0; k < units; k++) {
                    if (h[k] != 0) {
                        addScaled(gates, rw, k * gatesPerUnit, h[k]);
                    }
                }
                for (int j = 0; j < units; j++) {
                    double blockInput = activation(gates[j]);
                    double forget = sigmoid(gates[units + j]);
                    double output = sigmoid(gates[2 * units + j]);
                    double input = sigmoid(gates[3 * units + j]);
                    c[j] = forget * c[j] + input * blockInput;
                    h[j] = output * activation(c[j]);
                }
                if (outputs != null) {
                    System.arraycopy(h, 0, outputs, t * units, units);
                }
            }
            sequence = outputs;
            inputSize = units;
        }
        double y = outputBias;
        for (int k = 0; k < units; k++) {
            y += h[k] * outputWeights[k];
        }
        return y;
    }

    private static void addScaled(double[] target, double[] matrix, int offset, double factor) {
        for (int j = 0; j < target.length; j++) {
            target[j] += factor * matrix[offset + j];
        }
    }

    private double activation(double x) {
        return relu ? Math.max(0, x) : Math.tanh(x);
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
