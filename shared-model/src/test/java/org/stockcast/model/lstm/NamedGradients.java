package org.stockcast.model.lstm;

import java.util.Arrays;

/** The gradient of one named DL4J parameter ("0_W", "1_RW", "2_b", ...) of a training step, row-major. */
final class NamedGradients {
    private NamedGradients() {
    }

    static float[] of(JavaLstmTraining training, String key) {
        LstmLayout layout = training.layout();
        float[] gradients = training.gradients();
        int layer = Integer.parseInt(key.substring(0, key.indexOf('_')));
        String kind = key.substring(key.indexOf('_') + 1);
        int g = layout.gates();
        if (layer == layout.layers()) {
            return kind.equals("W") ? Arrays.copyOfRange(gradients, layout.outW(), layout.outW() + layout.units())
                    : Arrays.copyOfRange(gradients, layout.outB(), layout.outB() + 1);
        }
        return switch (kind) {
            case "W" -> Arrays.copyOfRange(gradients, layout.w(layer), layout.w(layer) + layout.inputSize(layer) * g);
            case "RW" -> Arrays.copyOfRange(gradients, layout.rw(layer), layout.rw(layer) + layout.units() * g);
            case "b" -> Arrays.copyOfRange(gradients, layout.b(layer), layout.b(layer) + g);
            default -> throw new IllegalArgumentException(key);
        };
    }
}
