package org.stockcast.model.lstm;

/**
 * Where each weight block of the {@link LstmNetworks} stack lives in the plain-Java trainer's one flat parameter
 * array: per LSTM layer W (inputs x 4u, row-major), RW (u x 4u, row-major), b (4u); then the dense W (u) and b (1).
 */
final class LstmLayout {
    private final int window;
    private final int units;
    private final int layers;
    private final int[] inputSizes;
    private final int[] wOffsets;
    private final int[] rwOffsets;
    private final int[] bOffsets;
    private final int outW;
    private final int outB;

    LstmLayout(LstmConfig config) {
        this.window = config.window();
        this.units = config.units();
        this.layers = config.layers();
        int g = 4 * units;
        inputSizes = new int[layers];
        wOffsets = new int[layers];
        rwOffsets = new int[layers];
        bOffsets = new int[layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            inputSizes[l] = l == 0 ? 1 : units;
            wOffsets[l] = offset;
            offset += inputSizes[l] * g;
            rwOffsets[l] = offset;
            offset += units * g;
            bOffsets[l] = offset;
            offset += g;
        }
        outW = offset;
        outB = offset + units;
    }

    int window() {
        return window;
    }

    int units() {
        return units;
    }

    /** Width of one row of gate pre-activations: the four gate blocks of {@link #units()} each. */
    int gates() {
        return 4 * units;
    }

    int layers() {
        return layers;
    }

    /** Inputs per time step of LSTM layer l: 1 for the first, the units of the layer below for the others. */
    int inputSize(int layer) {
        return inputSizes[layer];
    }

    int w(int layer) {
        return wOffsets[layer];
    }

    int rw(int layer) {
        return rwOffsets[layer];
    }

    int b(int layer) {
        return bOffsets[layer];
    }

    int outW() {
        return outW;
    }

    int outB() {
        return outB;
    }

    int parameterCount() {
        return outB + 1;
    }
}
