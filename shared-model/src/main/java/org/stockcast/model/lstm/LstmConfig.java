package org.stockcast.model.lstm;

/** Network shape and training settings; the defaults are the old system's. */
public record LstmConfig(int window, int units, int layers, double dropout, Activation activation,
                         double learningRate, int batchSize, int epochs, int patience,
                         double validationFraction, long seed) {

    public enum Activation { RELU, TANH }

    public static LstmConfig defaults() {
        return new LstmConfig(10, 50, 2, 0.2, Activation.RELU, 0.001, 32, 50, 5, 0.1, 42L);
    }

    public LstmConfig withEpochs(int newEpochs) {
        return new LstmConfig(window, units, layers, dropout, activation, learningRate, batchSize, newEpochs,
                patience, validationFraction, seed);
    }
}
