package org.stockcast.model.lstm;

/** Adam's moments and step count for the flat parameter array, with DL4J's defaults and bias correction. */
final class AdamState {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final float EPSILON = 1e-8f;

    private final float[] m;
    private final float[] v;
    private final double learningRate;
    private int steps;

    AdamState(int parameterCount, double learningRate) {
        this.m = new float[parameterCount];
        this.v = new float[parameterCount];
        this.learningRate = learningRate;
    }

    /** One step: updates the moments from {@code gradients} and moves {@code params} in place. */
    void step(float[] params, float[] gradients) {
        steps++;
        float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, steps)) / (1 - Math.pow(BETA1, steps)));
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        for (int p = 0; p < params.length; p++) {
            float grad = gradients[p];
            float mp = b1 * m[p] + (1 - b1) * grad;
            float vp = b2 * v[p] + (1 - b2) * grad * grad;
            m[p] = mp;
            v[p] = vp;
            params[p] -= alpha * mp / ((float) Math.sqrt(vp) + EPSILON);
        }
    }

    /** First moments (live, same layout as the parameters). */
    float[] m() {
        return m;
    }

    /** Second moments (live). */
    float[] v() {
        return v;
    }

    /** Steps taken so far: DL4J's iteration count, which its bias correction uses. */
    int steps() {
        return steps;
    }

    void steps(int count) {
        this.steps = count;
    }
}
