package org.stockcast.model.lstm;

import java.util.SplittableRandom;

/**
 * Inverted dropout multipliers, as DL4J applies them: keep with probability 1 - dropout, scale by 1 / keep, on the
 * inputs of every LSTM layer after the first and of the dense layer. One set per (part of a) minibatch.
 */
final class DropoutMasks {
    private final LstmLayout layout;
    private final int maxBatch;
    private final float keep;
    private final float[][] layerMasks;
    private final float[] outputMask;

    DropoutMasks(LstmLayout layout, int maxBatch, double dropout) {
        this.layout = layout;
        this.maxBatch = maxBatch;
        this.keep = (float) (1.0 - dropout);
        layerMasks = new float[layout.layers()][];
        for (int l = 0; l < layout.layers(); l++) {
            layerMasks[l] = new float[layout.window() * maxBatch * layout.inputSize(l)];
        }
        outputMask = new float[maxBatch * layout.units()];
    }

    /**
     * Draws the masks for {@code count} examples, in the order the single-threaded step always drew them; false
     * (no masks) without a random or without dropout.
     */
    boolean draw(int count, SplittableRandom random) {
        if (random == null || keep >= 1f) {
            return false;
        }
        if (count > maxBatch) {
            throw new IllegalArgumentException("minibatch " + count + " > " + maxBatch);
        }
        for (int l = 1; l < layout.layers(); l++) {
            fill(layerMasks[l], layout.window() * count * layout.inputSize(l), random);
        }
        fill(outputMask, count * layout.units(), random);
        return true;
    }

    /** Multipliers of LSTM layer l's inputs, laid out [t][example][inputs]. */
    float[] layer(int l) {
        return layerMasks[l];
    }

    /** Multipliers of the dense layer's inputs (the last LSTM output), [example][units]. */
    float[] output() {
        return outputMask;
    }

    private void fill(float[] mask, int n, SplittableRandom random) {
        float scale = 1f / keep;
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < keep ? scale : 0f;
        }
    }
}
