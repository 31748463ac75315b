package org.stockcast.model.lstm;

import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Plain-Java training step for the {@link LstmNetworks} stack: forward pass, backpropagation through time and Adam
 * on flat float arrays, with the same maths as DL4J's LSTM layer (gate blocks [block input, forget, output, input],
 * see {@link JavaLstm}), LastTimeStep, dense(1) and MSE. DL4J spends most of a batch-32 step in per-op native call
 * overhead; these loops allocate nothing per minibatch and their inner loops are contiguous axpy loops of length
 * 4 * units that the JIT vectorises.
 *
 * <p>Parameters live in one flat array: per LSTM layer W (inputs x 4u, row-major), RW (u x 4u, row-major),
 * b (4u); then the dense W (u) and b (1). Mutable by design (it is the training workspace, one per training run,
 * never shared between threads); {@code JavaLstmTrainingTest} pins its gradients to DL4J's.
 */
final class JavaLstmTraining {
    private final int window;
    private final int units;
    private final int layers;
    private final int maxBatch;
    private final boolean relu;
    private final float keep;
    private final int[] inputSizes;
    private final int[] wOffset;
    private final int[] rwOffset;
    private final int[] bOffset;
    private final int outWOffset;
    private final int outBOffset;
    private final float[] params;
    private final float[] gradients;
    // Forward activations per layer, laid out [t][example][...]: activated gates (4u), cell state and output (u).
    private final float[][] gates;
    private final float[][] cells;
    private final float[][] outputs;
    // Inputs each layer actually saw (after dropout), [t][example][inputs]; and the dropout multipliers.
    private final float[][] layerInputs;
    private final float[][] masks;
    private final float[] outputMask;
    private final float[] lastHidden;
    private final float[] predictions;
    // Backward scratch.
    private final float[] dz;
    private final float[] dh;
    private final float[] dhNext;
    private final float[] dcNext;
    private final float[] dInputs;
    private final float[] upstream;
    private final float[][] transposedW;
    private final float[][] transposedRW;
    private final float[] zeros;
    // Adam state, same shape as params.
    private final float[] m;
    private final float[] v;
    private final double learningRate;
    private int adamSteps;

    JavaLstmTraining(LstmConfig config, int maxBatch) {
        this(config, maxBatch, null);
    }

    /**
     * A workspace for part of a minibatch that reads (never writes) {@code sharedParams}: its own activations,
     * dropout masks and gradients, so several can run on different threads between two Adam steps of the owner.
     */
    JavaLstmTraining sharingParameters(LstmConfig config, int maxBatch) {
        return new JavaLstmTraining(config, maxBatch, params);
    }

    private JavaLstmTraining(LstmConfig config, int maxBatch, float[] sharedParams) {
        this.window = config.window();
        this.units = config.units();
        this.layers = config.layers();
        this.maxBatch = maxBatch;
        this.relu = config.activation() == LstmConfig.Activation.RELU;
        this.keep = (float) (1.0 - config.dropout());
        this.learningRate = config.learningRate();
        int g = 4 * units;
        inputSizes = new int[layers];
        wOffset = new int[layers];
        rwOffset = new int[layers];
        bOffset = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            inputSizes[l] = l == 0 ? 1 : units;
            wOffset[l] = offset;
            offset += inputSizes[l] * g;
            rwOffset[l] = offset;
            offset += units * g;
            bOffset[l] = offset;
            offset += g;
        }
        outWOffset = offset;
        outBOffset = offset + units;
        params = sharedParams != null ? sharedParams : new float[outBOffset + 1];
        if (params.length != outBOffset + 1) {
            throw new IllegalArgumentException("shared parameters have the wrong size");
        }
        gradients = new float[params.length];
        m = new float[params.length];
        v = new float[params.length];
        gates = new float[layers][window * maxBatch * g];
        cells = new float[layers][window * maxBatch * units];
        outputs = new float[layers][window * maxBatch * units];
        layerInputs = new float[layers][];
        masks = new float[layers][];
        transposedW = new float[layers][];
        transposedRW = new float[layers][units * g];
        for (int l = 0; l < layers; l++) {
            layerInputs[l] = new float[window * maxBatch * inputSizes[l]];
            masks[l] = new float[window * maxBatch * inputSizes[l]];
            transposedW[l] = new float[inputSizes[l] * g];
        }
        outputMask = new float[maxBatch * units];
        lastHidden = new float[maxBatch * units];
        predictions = new float[maxBatch];
        dz = new float[g];
        dh = new float[maxBatch * units];
        dhNext = new float[maxBatch * units];
        dcNext = new float[maxBatch * units];
        dInputs = new float[window * maxBatch * units];
        upstream = new float[window * maxBatch * units];
        zeros = new float[units];
    }

    /**
     * For each of our flat parameters, its index in DL4J's flat parameter (and Adam state) view. Found by loading
     * 0..n-1 into a same-shaped network and reading it back through the named parameter views, so it does not
     * depend on how DL4J orders W and RW inside its view.
     */
    int[] dl4jIndexes(LstmConfig config) {
        MultiLayerNetwork probe = LstmNetworks.fresh(config);
        float[] saved = params.clone();
        probe.setParams(Nd4j.linspace(DataType.FLOAT, 0, params.length, 1).reshape(1, params.length));
        readParameters(probe);
        int[] indexes = new int[params.length];
        for (int p = 0; p < params.length; p++) {
            indexes[p] = Math.round(params[p]);
        }
        System.arraycopy(saved, 0, params, 0, params.length);
        return indexes;
    }

    /**
     * Loads parameters, Adam moments and the iteration count (Adam's bias correction) from the network, so training
     * continues exactly where DL4J's updater left off (fine-tuning a saved model).
     */
    void readState(MultiLayerNetwork network, int[] dl4jIndexes) {
        readParameters(network);
        float[] state = adamStateView(network).toFloatVector();
        int n = params.length;
        for (int p = 0; p < n; p++) {
            m[p] = state[dl4jIndexes[p]];
            v[p] = state[n + dl4jIndexes[p]];
        }
        adamSteps = network.getLayerWiseConfigurations().getIterationCount();
    }

    /** Writes parameters, Adam moments and the iteration count back, so save and fine-tune work as after fit(). */
    void writeState(MultiLayerNetwork network, int[] dl4jIndexes) {
        int n = params.length;
        float[] flat = new float[n];
        float[] state = new float[2 * n];
        for (int p = 0; p < n; p++) {
            flat[dl4jIndexes[p]] = params[p];
            state[dl4jIndexes[p]] = m[p];
            state[n + dl4jIndexes[p]] = v[p];
        }
        network.setParams(Nd4j.create(flat, new long[]{1, n}, 'c'));
        adamStateView(network).assign(Nd4j.create(state, new long[]{1, 2L * n}, 'c'));
        network.getLayerWiseConfigurations().setIterationCount(adamSteps);
    }

    /** DL4J's Adam keeps [m, v] for the whole network in one block when every layer has the same updater. */
    private INDArray adamStateView(MultiLayerNetwork network) {
        Updater updater = network.getUpdater();
        INDArray state = updater == null ? null : updater.getStateViewArray();
        // One updater block means the state is [m of every parameter, v of every parameter]; several blocks would
        // interleave [m, v] per block, which the index mapping below does not handle.
        boolean oneBlock = updater instanceof BaseMultiLayerUpdater<?> multi && multi.getUpdaterBlocks().size() == 1;
        if (!oneBlock || state == null || state.length() != 2L * params.length) {
            throw new IllegalStateException("Unexpected DL4J updater state: " + (state == null ? "none"
                    : state.length() + " values for " + params.length + " parameters"));
        }
        return state;
    }

    /** Snapshot of parameters, moments and step count (best epoch). */
    float[] snapshot() {
        int n = params.length;
        float[] copy = new float[3 * n + 1];
        System.arraycopy(params, 0, copy, 0, n);
        System.arraycopy(m, 0, copy, n, n);
        System.arraycopy(v, 0, copy, 2 * n, n);
        copy[3 * n] = adamSteps;
        return copy;
    }

    void restore(float[] snapshot) {
        int n = params.length;
        System.arraycopy(snapshot, 0, params, 0, n);
        System.arraycopy(snapshot, n, m, 0, n);
        System.arraycopy(snapshot, 2 * n, v, 0, n);
        adamSteps = Math.round(snapshot[3 * n]);
    }

    /** The live flat parameter array (layout in the class comment). */
    float[] parameters() {
        return params;
    }

    int parameterCount() {
        return params.length;
    }

    /** Copies the network's parameters in (DL4J keeps W and RW column-major in its flat view; we read by index). */
    void readParameters(MultiLayerNetwork network) {
        for (int l = 0; l < layers; l++) {
            copyIn(network.getParam(l + "_W"), wOffset[l]);
            copyIn(network.getParam(l + "_RW"), rwOffset[l]);
            copyIn(network.getParam(l + "_b"), bOffset[l]);
        }
        copyIn(network.getParam(layers + "_W"), outWOffset);
        copyIn(network.getParam(layers + "_b"), outBOffset);
    }

    private void copyIn(INDArray matrix, int offset) {
        long rows = matrix.rank() == 1 ? 1 : matrix.size(0);
        long cols = matrix.rank() == 1 ? matrix.length() : matrix.size(1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                params[(int) (offset + r * cols + c)] = matrix.rank() == 1 ? matrix.getFloat(c) : matrix.getFloat(r, c);
            }
        }
    }

    /** Gradient of the named DL4J parameter ("0_W", "1_RW", "2_b", ...) as a rows x cols row-major array. */
    float[] gradientOf(String key) {
        int layer = Integer.parseInt(key.substring(0, key.indexOf('_')));
        String kind = key.substring(key.indexOf('_') + 1);
        int g = 4 * units;
        if (layer == layers) {
            return kind.equals("W") ? Arrays.copyOfRange(gradients, outWOffset, outWOffset + units)
                    : Arrays.copyOfRange(gradients, outBOffset, outBOffset + 1);
        }
        return switch (kind) {
            case "W" -> Arrays.copyOfRange(gradients, wOffset[layer], wOffset[layer] + inputSizes[layer] * g);
            case "RW" -> Arrays.copyOfRange(gradients, rwOffset[layer], rwOffset[layer] + units * g);
            case "b" -> Arrays.copyOfRange(gradients, bOffset[layer], bOffset[layer] + g);
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * Forward and backward pass for examples [from, from + count) of {@code inputs} (window values per example,
     * row-major) and {@code targets}: fills the gradients of the mean MSE and returns that loss. With a
     * {@code random}, dropout (inverted, like DL4J: keep with probability 1 - dropout, scale by 1 / keep) is
     * applied to the inputs of every LSTM layer after the first and of the dense layer; null means no dropout.
     */
    double lossAndGradients(float[] inputs, float[] targets, int from, int count, SplittableRandom random) {
        boolean dropout = drawMasks(count, random);
        double loss = forwardSum(inputs, targets, from, count, dropout) / count;
        backward(targets, from, count, dropout, count);
        return loss;
    }

    /**
     * Draws the dropout masks for a (part of a) minibatch of {@code count} examples, in the order the single-threaded
     * step always drew them; false (no masks) without a random or without dropout.
     */
    boolean drawMasks(int count, SplittableRandom random) {
        if (random == null || keep >= 1f) {
            return false;
        }
        if (count > maxBatch) {
            throw new IllegalArgumentException("minibatch " + count + " > " + maxBatch);
        }
        for (int l = 1; l < layers; l++) {
            fillMask(masks[l], window * count * inputSizes[l], random);
        }
        fillMask(outputMask, count * units, random);
        return true;
    }

    /**
     * Part of a minibatch of {@code batchSize} examples: examples [from, from + count), with the masks of the last
     * {@link #drawMasks} when {@code dropout}. Fills gradients of (sum of squared errors of the part) / batchSize
     * and returns that value, so the parts' losses and gradients add up to the whole minibatch's.
     */
    double partialLossAndGradients(float[] inputs, float[] targets, int from, int count, boolean dropout,
                                   int batchSize) {
        double loss = forwardSum(inputs, targets, from, count, dropout) / batchSize;
        backward(targets, from, count, dropout, batchSize);
        return loss;
    }

    /** Sets this workspace's gradients to the sum of the first {@code parts} workers' ones, in index order. */
    void sumGradients(JavaLstmTraining[] workers, int parts) {
        System.arraycopy(workers[0].gradients, 0, gradients, 0, gradients.length);
        for (int w = 1; w < parts; w++) {
            float[] part = workers[w].gradients;
            for (int p = 0; p < gradients.length; p++) {
                gradients[p] += part[p];
            }
        }
    }

    /** Sum of squared errors on examples [from, from + count); dropout uses the masks already drawn. */
    private double forwardSum(float[] inputs, float[] targets, int from, int count, boolean dropout) {
        if (count > maxBatch) {
            throw new IllegalArgumentException("minibatch " + count + " > " + maxBatch);
        }
        int g = 4 * units;
        float[] x0 = layerInputs[0];
        for (int t = 0; t < window; t++) {
            for (int e = 0; e < count; e++) {
                x0[t * count + e] = inputs[(from + e) * window + t];
            }
        }
        for (int l = 0; l < layers; l++) {
            int inSize = inputSizes[l];
            if (l > 0) {
                float[] previous = outputs[l - 1];
                float[] x = layerInputs[l];
                int n = window * count * inSize;
                if (dropout) {
                    for (int i = 0; i < n; i++) {
                        x[i] = previous[i] * masks[l][i];
                    }
                } else {
                    System.arraycopy(previous, 0, x, 0, n);
                }
            }
            forwardLayer(l, count);
        }
        int last = layers - 1;
        System.arraycopy(outputs[last], (window - 1) * count * units, lastHidden, 0, count * units);
        if (dropout) {
            for (int i = 0; i < count * units; i++) {
                lastHidden[i] *= outputMask[i];
            }
        }
        double loss = 0;
        float outB = params[outBOffset];
        for (int e = 0; e < count; e++) {
            float y = outB;
            for (int k = 0; k < units; k++) {
                y += lastHidden[e * units + k] * params[outWOffset + k];
            }
            predictions[e] = y;
            float error = y - targets[from + e];
            loss += (double) error * error;
        }
        return loss;
    }

    private void backward(float[] targets, int from, int count, boolean dropout, int divisor) {
        int g = 4 * units;
        int last = layers - 1;
        Arrays.fill(gradients, 0f);
        for (int e = 0; e < count; e++) {
            float error = predictions[e] - targets[from + e];
            float dy = 2f * error / divisor;
            gradients[outBOffset] += dy;
            for (int k = 0; k < units; k++) {
                gradients[outWOffset + k] += dy * lastHidden[e * units + k];
                dh[e * units + k] = dy * params[outWOffset + k] * (dropout ? outputMask[e * units + k] : 1f);
            }
        }
        for (int l = last; l >= 0; l--) {
            transpose(params, wOffset[l], inputSizes[l], g, transposedW[l]);
            transpose(params, rwOffset[l], units, g, transposedRW[l]);
            backwardLayer(l, count, l == last);
            if (l > 0 && dropout) {
                int n = window * count * units;
                for (int i = 0; i < n; i++) {
                    dInputs[i] *= masks[l][i];
                }
            }
        }
    }

    private void fillMask(float[] mask, int n, SplittableRandom random) {
        float scale = 1f / keep;
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < keep ? scale : 0f;
        }
    }

    private void forwardLayer(int l, int count) {
        int g = 4 * units;
        int inSize = inputSizes[l];
        float[] x = layerInputs[l];
        float[] act = gates[l];
        float[] c = cells[l];
        float[] h = outputs[l];
        int w = wOffset[l];
        int rw = rwOffset[l];
        int b = bOffset[l];
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
                    float a = activation(act[row + j]);
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
                    h[cRow + j] = o * activation(cell);
                }
            }
        }
    }

    /**
     * BPTT through layer l. {@code dh} holds the loss gradient w.r.t. this layer's outputs: at the last step only
     * when {@code lastStepOnly} (LastTimeStep), otherwise per step in {@code dInputs} from the layer above.
     * Leaves the gradient w.r.t. this layer's inputs in {@code dInputs}.
     */
    private void backwardLayer(int l, int count, boolean lastStepOnly) {
        int g = 4 * units;
        int inSize = inputSizes[l];
        float[] x = layerInputs[l];
        float[] act = gates[l];
        float[] c = cells[l];
        float[] h = outputs[l];
        float[] wT = transposedW[l];
        float[] rwT = transposedRW[l];
        int w = wOffset[l];
        int rw = rwOffset[l];
        int b = bOffset[l];
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
                    float actCell = activation(cell);
                    float dCell = dcNext[eRow + j] + dOut * o * activationDerivative(cell, actCell);
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

    /** One Adam step with DL4J's defaults (beta1 0.9, beta2 0.999, epsilon 1e-8) and bias correction. */
    void adamStep() {
        adamSteps++;
        double beta1 = 0.9;
        double beta2 = 0.999;
        float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, adamSteps)) / (1 - Math.pow(beta1, adamSteps)));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float epsilon = 1e-8f;
        for (int p = 0; p < params.length; p++) {
            float grad = gradients[p];
            float mp = b1 * m[p] + (1 - b1) * grad;
            float vp = b2 * v[p] + (1 - b2) * grad * grad;
            m[p] = mp;
            v[p] = vp;
            params[p] -= alpha * mp / ((float) Math.sqrt(vp) + epsilon);
        }
    }

    /** Mean MSE of the current parameters on examples [0, count) without dropout (validation). */
    double loss(float[] inputs, float[] targets, int count) {
        double sum = 0;
        for (int from = 0; from < count; from += maxBatch) {
            int n = Math.min(maxBatch, count - from);
            sum += forwardSum(inputs, targets, from, n, false) / n * n;
        }
        return sum / count;
    }

    private static void axpy(float factor, float[] source, int sourceOffset, float[] target, int targetOffset, int n) {
        for (int j = 0; j < n; j++) {
            target[targetOffset + j] += factor * source[sourceOffset + j];
        }
    }

    private static void transpose(float[] source, int offset, int rows, int cols, float[] target) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                target[c * rows + r] = source[offset + r * cols + c];
            }
        }
    }

    private float activation(float x) {
        return relu ? Math.max(0f, x) : (float) Math.tanh(x);
    }

    private float activationDerivative(float x, float activated) {
        return relu ? (x > 0f ? 1f : 0f) : 1f - activated * activated;
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
