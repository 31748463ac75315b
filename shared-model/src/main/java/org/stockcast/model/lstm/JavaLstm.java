package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Inference-only copy of a trained DL4J network as plain arrays: the same maths as DL4J's {@code LSTM} layer
 * (gate blocks in DL4J's order: block input with the layer activation, then forget, output and input gates with
 * sigmoid; {@code h = o * act(c)}) followed by the dense output. Immutable, so any number of threads can forecast
 * at once without native calls or shared recurrent state; {@code JavaLstmTest} pins it to DL4J's output.
 * Weights and activations are float like DL4J's (and twice as many lanes per SIMD instruction as double).
 * Each weight matrix is kept as one array per input row: Java 17's JIT vectorises {@code gates[j] += h * row[j]}
 * over a whole array but not the same loop at an offset into one flat array (about 3x slower, measured by
 * {@code LstmBenchmark predict}).
 */
final class JavaLstm {
    private final int window;
    private final int units;
    private final boolean relu;
    private final float[][][] inputWeights;
    private final float[][][] recurrentWeights;
    private final float[][] biases;
    private final float[] outputWeights;
    private final float outputBias;

    private JavaLstm(int window, int units, boolean relu, float[][][] inputWeights, float[][][] recurrentWeights,
                     float[][] biases, float[] outputWeights, float outputBias) {
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
        float[][][] w = new float[layers][][];
        float[][][] rw = new float[layers][][];
        float[][] b = new float[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = rows(network.getParam(l + "_W"));
            rw[l] = rows(network.getParam(l + "_RW"));
            b[l] = rowMajor(network.getParam(l + "_b"));
        }
        float[] outW = rowMajor(network.getParam(layers + "_W"));
        float outB = network.getParam(layers + "_b").getFloat(0);
        return new JavaLstm(config.window(), config.units(), config.activation() == LstmConfig.Activation.RELU,
                w, rw, b, outW, outB);
    }

    private static float[] rowMajor(INDArray matrix) {
        long rows = matrix.rank() == 1 ? 1 : matrix.size(0);
        long cols = matrix.rank() == 1 ? matrix.length() : matrix.size(1);
        float[] out = new float[Math.toIntExact(rows * cols)];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[(int) (r * cols + c)] = matrix.rank() == 1 ? matrix.getFloat(c) : matrix.getFloat(r, c);
            }
        }
        return out;
    }

    private static float[][] rows(INDArray matrix) {
        int rows = Math.toIntExact(matrix.size(0));
        int cols = Math.toIntExact(matrix.size(1));
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = matrix.getFloat(r, c);
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
        float[] sequence = new float[window];
        for (int t = 0; t < window; t++) {
            sequence[t] = (float) standardised[t];
        }
        int inputSize = 1;
        float[] h = new float[units];
        float[] c = new float[units];
        float[] gates = new float[gatesPerUnit];
        for (int l = 0; l < inputWeights.length; l++) {
            boolean last = l == inputWeights.length - 1;
            float[][] w = inputWeights[l];
            float[][] rw = recurrentWeights[l];
            float[] b = biases[l];
            float[] outputs = last ? null : new float[window * units];
            Arrays.fill(h, 0);
            Arrays.fill(c, 0);
            for (int t = 0; t < window; t++) {
                System.arraycopy(b, 0, gates, 0, gatesPerUnit);
                for (int k = 0; k < inputSize; k++) {
                    addScaled(gates, w[k], sequence[t * inputSize + k]);
                }
                for (int k = 0; k < units; k++) {
                    if (h[k] != 0) {
                        addScaled(gates, rw[k], h[k]);
                    }
                }
                for (int j = 0; j < units; j++) {
                    float blockInput = activation(gates[j]);
                    float forget = sigmoid(gates[units + j]);
                    float output = sigmoid(gates[2 * units + j]);
                    float input = sigmoid(gates[3 * units + j]);
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

    private static void addScaled(float[] target, float[] row, float factor) {
        for (int j = 0; j < target.length; j++) {
            target[j] += factor * row[j];
        }
    }

    private float activation(float x) {
        return relu ? Math.max(0f, x) : (float) Math.tanh(x);
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
