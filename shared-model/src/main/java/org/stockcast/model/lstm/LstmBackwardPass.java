package org.stockcast.model.lstm;

import static org.stockcast.model.lstm.LstmMath.activation;
import static org.stockcast.model.lstm.LstmMath.activationDerivative;
import static org.stockcast.model.lstm.LstmMath.axpy;
import static org.stockcast.model.lstm.LstmMath.transpose;

import java.util.Arrays;

/**
 * Backpropagation through time for the activations of the last {@link LstmForwardPass}: fills the gradient of
 * (sum of squared errors) / divisor. Its inner loops are contiguous axpy loops of length 4 * units that the JIT
 * vectorises; only scratch state, one per workspace, never shared between threads.
 */
final class LstmBackwardPass {
    private final LstmLayout layout;
    private final boolean relu;
    private final float[] dz;
    private final float[] dh;
    private final float[] dhNext;
    private final float[] dcNext;
    private final float[] dInputs;
    private final float[] upstream;
    private final float[][] transposedW;
    private final float[][] transposedRW;
    private final float[] zeros;

    LstmBackwardPass(LstmLayout layout, int maxBatch, boolean relu) {
        this.layout = layout;
        this.relu = relu;
        int units = layout.units();
        int g = layout.gates();
        int window = layout.window();
        dz = new float[g];
        dh = new float[maxBatch * units];
        dhNext = new float[maxBatch * units];
        dcNext = new float[maxBatch * units];
        dInputs = new float[window * maxBatch * units];
        upstream = new float[window * maxBatch * units];
        transposedW = new float[layout.layers()][];
        transposedRW = new float[layout.layers()][units * g];
        for (int l = 0; l < layout.layers(); l++) {
            transposedW[l] = new float[layout.inputSize(l) * g];
        }
        zeros = new float[units];
    }

    /** Overwrites {@code gradients} for examples [from, from + count) of the forward pass just run. */
    void gradients(float[] params, LstmForwardPass forward, float[] targets, int from, int count, boolean dropout,
                   DropoutMasks masks, int divisor, float[] gradients) {
        int units = layout.units();
        int g = layout.gates();
        int last = layout.layers() - 1;
        int outW = layout.outW();
        int outB = layout.outB();
        float[] predictions = forward.predictions();
        float[] lastHidden = forward.lastHidden();
        float[] outputMask = masks.output();
        Arrays.fill(gradients, 0f);
        for (int e = 0; e < count; e++) {
            float error = predictions[e] - targets[from + e];
            float dy = 2f * error / divisor;
            gradients[outB] += dy;
            for (int k = 0; k < units; k++) {
                gradients[outW + k] += dy * lastHidden[e * units + k];
                dh[e * units + k] = dy * params[outW + k] * (dropout ? outputMask[e * units + k] : 1f);
            }
        }
        for (int l = last; l >= 0; l--) {
            transpose(params, layout.w(l), layout.inputSize(l), g, transposedW[l]);
            transpose(params, layout.rw(l), units, g, transposedRW[l]);
            backwardLayer(forward, l, count, l == last, gradients);
            if (l > 0 && dropout) {
                float[] mask = masks.layer(l);
                int n = layout.window() * count * units;
                for (int i = 0; i < n; i++) {
                    dInputs[i] *= mask[i];
                }
            }
        }
    }

    /**
     * BPTT through layer l. {@code dh} holds the loss gradient w.r.t. this layer's outputs: at the last step only
     * when {@code lastStepOnly} (LastTimeStep), otherwise per step in {@code dInputs} from the layer above.
     * Leaves the gradient w.r.t. this layer's inputs in {@code dInputs}.
     */
    private void backwardLayer(LstmForwardPass forward, int l, int count, boolean lastStepOnly, float[] gradients) {
        int window = layout.window();
        int units = layout.units();
        int g = layout.gates();
        int inSize = layout.inputSize(l);
        float[] x = forward.inputs(l);
        float[] act = forward.gates(l);
        float[] c = forward.cells(l);
        float[] h = forward.outputs(l);
        float[] wT = transposedW[l];
        float[] rwT = transposedRW[l];
        int w = layout.w(l);
        int rw = layout.rw(l);
        int b = layout.b(l);
        Arrays.fill(dhNext, 0, count * units, 0f);
        Arrays.fill(dcNext, 0, count * units, 0f);
        float[] fromAbove = upstream;
        if (!lastStepOnly) {
            System.arraycopy(dInputs, 0, fromAbove, 0, window * count * units);
        }
        for (int t = window - 1; t >= 0; t--) {
            for (int e = 0; e < count; e++) {
                int row = (t * count + e) * g;
                int cRow = (t * count + e) * units;
                int eRow = e * units;
                for (int j = 0; j < units; j++) {
                    float dOut = dhNext[eRow + j];
                    if (lastStepOnly) {
                        if (t == window - 1) {
                            dOut += dh[eRow + j];
                        }
                    } else {
                        dOut += fromAbove[cRow + j];
                    }
                    float a = act[row + j];
                    float f = act[row + units + j];
                    float o = act[row + 2 * units + j];
                    float i = act[row + 3 * units + j];
                    float cell = c[cRow + j];
                    float actCell = activation(relu, cell);
                    float dCell = dcNext[eRow + j] + dOut * o * activationDerivative(relu, cell, actCell);
                    float cPrev = t > 0 ? c[((t - 1) * count + e) * units + j] : 0f;
                    // relu'(z) from the activated block input: a > 0 exactly when z > 0.
                    float dA = dCell * i * (relu ? (a > 0f ? 1f : 0f) : 1f - a * a);
                    dz[j] = dA;
                    dz[units + j] = dCell * cPrev * f * (1f - f);
                    dz[2 * units + j] = dOut * actCell * o * (1f - o);
                    dz[3 * units + j] = dCell * a * i * (1f - i);
                    dcNext[eRow + j] = dCell * f;
                }
                axpy(1f, dz, 0, gradients, b, g);
                int xRow = (t * count + e) * inSize;
                for (int k = 0; k < inSize; k++) {
                    float xk = x[xRow + k];
                    if (xk != 0f) {
                        axpy(xk, dz, 0, gradients, w + k * g, g);
                    }
                }
                if (t > 0) {
                    int hRow = ((t - 1) * count + e) * units;
                    for (int k = 0; k < units; k++) {
                        float hk = h[hRow + k];
                        if (hk != 0f) {
                            axpy(hk, dz, 0, gradients, rw + k * g, g);
                        }
                    }
                }
                // Recurrent and input gradients as axpy over the transposed weights (vectorises; a dot does not).
                System.arraycopy(zeros, 0, dhNext, eRow, units);
                for (int j = 0; j < g; j++) {
                    float d = dz[j];
                    if (d != 0f) {
                        axpy(d, rwT, j * units, dhNext, eRow, units);
                    }
                }
                if (l > 0) {
                    int dRow = (t * count + e) * inSize;
                    Arrays.fill(dInputs, dRow, dRow + inSize, 0f);
                    for (int j = 0; j < g; j++) {
                        float d = dz[j];
                        if (d != 0f) {
                            axpy(d, wT, j * inSize, dInputs, dRow, inSize);
                        }
                    }
                }
            }
        }
    }
}
