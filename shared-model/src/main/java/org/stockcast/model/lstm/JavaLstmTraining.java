package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.SplittableRandom;

/**
 * Plain-Java training step for the {@link LstmNetworks} stack on flat float arrays, with the same maths as DL4J's
 * LSTM layer, LastTimeStep, dense(1) and MSE: {@link LstmForwardPass}, {@link LstmBackwardPass} (BPTT),
 * {@link DropoutMasks}, {@link AdamState}, and {@link Dl4jState} to continue from and return to a DL4J network.
 * DL4J spends most of a batch-32 step in per-op native call overhead; these loops allocate nothing per minibatch.
 *
 * <p>Parameters live in one flat array laid out by {@link LstmLayout}. Mutable by design (it is the training
 * workspace, one per training run, never shared between threads); {@code JavaLstmTrainingTest} pins its gradients
 * to DL4J's.
 */
final class JavaLstmTraining {
    private final LstmLayout layout;
    private final int maxBatch;
    private final float[] params;
    private final float[] gradients;
    private final LstmForwardPass forward;
    private final LstmBackwardPass backward;
    private final DropoutMasks masks;
    private final AdamState adam;

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
        this.layout = new LstmLayout(config);
        this.maxBatch = maxBatch;
        int n = layout.parameterCount();
        params = sharedParams != null ? sharedParams : new float[n];
        if (params.length != n) {
            throw new IllegalArgumentException("shared parameters have the wrong size");
        }
        gradients = new float[n];
        boolean relu = config.activation() == LstmConfig.Activation.RELU;
        forward = new LstmForwardPass(layout, maxBatch, relu);
        backward = new LstmBackwardPass(layout, maxBatch, relu);
        masks = new DropoutMasks(layout, maxBatch, config.dropout());
        adam = new AdamState(n, config.learningRate());
    }

    /** For each of our flat parameters, its index in DL4J's flat parameter (and Adam state) view. */
    int[] dl4jIndexes(LstmConfig config) {
        return Dl4jState.indexes(config, layout);
    }

    /**
     * Loads parameters, Adam moments and the iteration count (Adam's bias correction) from the network, so training
     * continues exactly where DL4J's updater left off (fine-tuning a saved model).
     */
    void readState(MultiLayerNetwork network, int[] dl4jIndexes) {
        Dl4jState.read(network, dl4jIndexes, layout, params, adam);
    }

    /** Writes parameters, Adam moments and the iteration count back, so save and fine-tune work as after fit(). */
    void writeState(MultiLayerNetwork network, int[] dl4jIndexes) {
        Dl4jState.write(network, dl4jIndexes, params, adam);
    }

    /** Copies the network's parameters in (not the Adam state). */
    void readParameters(MultiLayerNetwork network) {
        Dl4jState.readParameters(layout, network, params);
    }

    /** Snapshot of parameters, moments and step count (best epoch). */
    float[] snapshot() {
        int n = params.length;
        float[] copy = new float[3 * n + 1];
        System.arraycopy(params, 0, copy, 0, n);
        System.arraycopy(adam.m(), 0, copy, n, n);
        System.arraycopy(adam.v(), 0, copy, 2 * n, n);
        copy[3 * n] = adam.steps();
        return copy;
    }

    void restore(float[] snapshot) {
        int n = params.length;
        System.arraycopy(snapshot, 0, params, 0, n);
        System.arraycopy(snapshot, n, adam.m(), 0, n);
        System.arraycopy(snapshot, 2 * n, adam.v(), 0, n);
        adam.steps(Math.round(snapshot[3 * n]));
    }

    /** The live flat parameter array ({@link LstmLayout}). */
    float[] parameters() {
        return params;
    }

    int parameterCount() {
        return params.length;
    }

    /** The last step's flat gradient array and its layout, for the tests that pin it to DL4J's. */
    float[] gradients() {
        return gradients;
    }

    LstmLayout layout() {
        return layout;
    }

    /**
     * Forward and backward pass for examples [from, from + count) of {@code inputs} (window values per example,
     * row-major) and {@code targets}: fills the gradients of the mean MSE and returns that loss. With a
     * {@code random}, dropout ({@link DropoutMasks}) is applied; null means no dropout.
     */
    double lossAndGradients(float[] inputs, float[] targets, int from, int count, SplittableRandom random) {
        boolean dropout = drawMasks(count, random);
        double loss = forward.sumOfSquares(params, inputs, targets, from, count, dropout, masks) / count;
        backward.gradients(params, forward, targets, from, count, dropout, masks, count, gradients);
        return loss;
    }

    /** Draws the dropout masks for a (part of a) minibatch of {@code count} examples ({@link DropoutMasks#draw}). */
    boolean drawMasks(int count, SplittableRandom random) {
        return masks.draw(count, random);
    }

    /**
     * Part of a minibatch of {@code batchSize} examples: examples [from, from + count), with the masks of the last
     * {@link #drawMasks} when {@code dropout}. Fills gradients of (sum of squared errors of the part) / batchSize
     * and returns that value, so the parts' losses and gradients add up to the whole minibatch's.
     */
    double partialLossAndGradients(float[] inputs, float[] targets, int from, int count, boolean dropout,
                                   int batchSize) {
        double loss = forward.sumOfSquares(params, inputs, targets, from, count, dropout, masks) / batchSize;
        backward.gradients(params, forward, targets, from, count, dropout, masks, batchSize, gradients);
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

    /** One Adam step on the gradients of the last minibatch. */
    void adamStep() {
        adam.step(params, gradients);
    }

    /** Mean MSE of the current parameters on examples [0, count) without dropout (validation). */
    double loss(float[] inputs, float[] targets, int count) {
        double sum = 0;
        for (int from = 0; from < count; from += maxBatch) {
            int n = Math.min(maxBatch, count - from);
            sum += forward.sumOfSquares(params, inputs, targets, from, n, false, masks);
        }
        return sum / count;
    }
}
