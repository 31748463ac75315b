package org.stockcast.model.lstm;

/** The float kernels and activations the plain-Java forward and backward passes share. */
final class LstmMath {
    private LstmMath() {
    }

    static void axpy(float factor, float[] source, int sourceOffset, float[] target, int targetOffset, int n) {
        for (int j = 0; j < n; j++) {
            target[targetOffset + j] += factor * source[sourceOffset + j];
        }
    }

    static void transpose(float[] source, int offset, int rows, int cols, float[] target) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                target[c * rows + r] = source[offset + r * cols + c];
            }
        }
    }

    static float activation(boolean relu, float x) {
        return relu ? Math.max(0f, x) : (float) Math.tanh(x);
    }

    static float activationDerivative(boolean relu, float x, float activated) {
        return relu ? (x > 0f ? 1f : 0f) : 1f - activated * activated;
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
}
