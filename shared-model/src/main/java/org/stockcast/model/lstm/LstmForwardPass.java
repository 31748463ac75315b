package org.stockcast.model.lstm;

import static org.stockcast.model.lstm.LstmMath.activation;
import static org.stockcast.model.lstm.LstmMath.axpy;
import static org.stockcast.model.lstm.LstmMath.sigmoid;

/**
 * Forward pass of the stack (DL4J's LSTM maths, gate blocks [block input, forget, output, input], see
 * {@link JavaLstm}; LastTimeStep, dense(1), squared error) that keeps every activation the backward pass needs.
 * Allocates nothing per minibatch; one per workspace, never shared between threads.
 */
final class LstmForwardPass {
    private final LstmLayout layout;
    private final int maxBatch;
    private final boolean relu;
    // Per layer, laid out [t][example][...]: activated gates (4u), cell state and output (u).
    private final float[][] gates;
    private final float[][] cells;
    private final float[][] outputs;
    // Inputs each layer actually saw (after dropout), [t][example][inputs].
    private final float[][] layerInputs;
    private final float[] lastHidden;
    private final float[] predictions;

    LstmForwardPass(LstmLayout layout, int maxBatch, boolean relu) {
        this.layout = layout;
        this.maxBatch = maxBatch;
        this.relu = relu;
        int window = layout.window();
        int units = layout.units();
        int layers = layout.layers();
        gates = new float[layers][window * maxBatch * layout.gates()];
        cells = new float[layers][window * maxBatch * units];
        outputs = new float[layers][window * maxBatch * units];
        layerInputs = new float[layers][];
        for (int l = 0; l < layers; l++) {
            layerInputs[l] = new float[window * maxBatch * layout.inputSize(l)];
        }
        lastHidden = new float[maxBatch * units];
        predictions = new float[maxBatch];
    }

    /**
     * Sum of squared errors on examples [from, from + count) of {@code inputs} (window values per example,
     * row-major) and {@code targets}; with {@code dropout} the masks already drawn are applied.
     */
    double sumOfSquares(float[] params, float[] inputs, float[] targets, int from, int count, boolean dropout,
                        DropoutMasks masks) {
        if (count > maxBatch) {
            throw new IllegalArgumentException("minibatch " + count + " > " + maxBatch);
        }
        int window = layout.window();
        int units = layout.units();
        int layers = layout.layers();
        float[] x0 = layerInputs[0];
        for (int t = 0; t < window; t++) {
            for (int e = 0; e < count; e++) {
                x0[t * count + e] = inputs[(from + e) * window + t];
            }
        }
        for (int l = 0; l < layers; l++) {
            if (l > 0) {
                float[] previous = outputs[l - 1];
                float[] x = layerInputs[l];
                int n = window * count * layout.inputSize(l);
                if (dropout) {
                    float[] mask = masks.layer(l);
                    for (int i = 0; i < n; i++) {
                        x[i] = previous[i] * mask[i];
                    }
                } else {
                    System.arraycopy(previous, 0, x, 0, n);
                }
            }
            forwardLayer(params, l, count);
        }
        System.arraycopy(outputs[layers - 1], (window - 1) * count * units, lastHidden, 0, count * units);
        if (dropout) {
            float[] mask = masks.output();
            for (int i = 0; i < count * units; i++) {
                lastHidden[i] *= mask[i];
            }
        }
        double loss = 0;
        int outW = layout.outW();
        float outB = params[layout.outB()];
        for (int e = 0; e < count; e++) {
            float y = outB;
            for (int k = 0; k < units; k++) {
                y += lastHidden[e * units + k] * params[outW + k];
            }
            predictions[e] = y;
            float error = y - targets[from + e];
            loss += (double) error * error;
        }
        return loss;
    }

    private void forwardLayer(float[] params, int l, int count) {
        int window = layout.window();
        int units = layout.units();
        int g = layout.gates();
        int inSize = layout.inputSize(l);
        float[] x = layerInputs[l];
        float[] act = gates[l];
        float[] c = cells[l];
        float[] h = outputs[l];
        int w = layout.w(l);
        int rw = layout.rw(l);
        int b = layout.b(l);
        for (int t = 0; t < window; t++) {
            for (int e = 0; e < count; e++) {
                int row = (t * count + e) * g;
                System.arraycopy(params, b, act, row, g);
                int xRow = (t * count + e) * inSize;
                for (int k = 0; k < inSize; k++) {
                    axpy(x[xRow + k], params, w + k * g, act, row, g);
                }
                if (t > 0) {
                    int hRow = ((t - 1) * count + e) * units;
                    for (int k = 0; k < units; k++) {
                        float hk = h[hRow + k];
                        if (hk != 0f) {
                            axpy(hk, params, rw + k * g, act, row, g);
                        }
                    }
                }
                int cRow = (t * count + e) * units;
                int cPrevRow = ((t - 1) * count + e) * units;
                for (int j = 0; j < units; j++) {
                    float a = activation(relu, act[row + j]);
                    float f = sigmoid(act[row + units + j]);
                    float o = sigmoid(act[row + 2 * units + j]);
                    float i = sigmoid(act[row + 3 * units + j]);
                    act[row + j] = a;
                    act[row + units + j] = f;
                    act[row + 2 * units + j] = o;
                    act[row + 3 * units + j] = i;
                    float cPrev = t > 0 ? c[cPrevRow + j] : 0f;
                    float cell = f * cPrev + i * a;
                    c[cRow + j] = cell;
                    h[cRow + j] = o * activation(relu, cell);
                }
            }
        }
    }

    /** Activated gates of layer l from the last pass, [t][example][4u]. */
    float[] gates(int l) {
        return gates[l];
    }

    /** Cell states of layer l, [t][example][u]. */
    float[] cells(int l) {
        return cells[l];
    }

    /** Outputs of layer l, [t][example][u]. */
    float[] outputs(int l) {
        return outputs[l];
    }

    /** Inputs layer l saw (after dropout), [t][example][inputs]. */
    float[] inputs(int l) {
        return layerInputs[l];
    }

    /** The dense layer's inputs (last LSTM output after dropout), [example][u]. */
    float[] lastHidden() {
        return lastHidden;
    }

    /** The dense layer's outputs, [example]. */
    float[] predictions() {
        return predictions;
    }
}
