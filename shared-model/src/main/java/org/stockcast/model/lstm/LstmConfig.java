package org.stockcast.model.lstm;

/**
 * Network shape and training settings; the defaults are the old system's.
 *
 * @param maxTrainingWindows cap on the windows used per epoch (most recent windows of each series, shared
 *                           fairly between series) so a retrain on decades of data stays minutes, not hours
 * @param trainingThreads    threads that compute each minibatch's gradient (its windows split between them,
 *                           gradients summed in a fixed order, so a run is repeatable for a given seed and thread
 *                           count); 1 is the single-threaded step. 0 (e.g. a model saved before this setting
 *                           existed) means {@link #defaultTrainingThreads()}. A run-time setting, not part of
 *                           the architecture ({@link #sameArchitectureAs} ignores it).
 */
public record LstmConfig(int window, int units, int layers, double dropout, Activation activation,
                         double learningRate, int batchSize, int epochs, int patience,
                         double validationFraction, long seed, int maxTrainingWindows, int trainingThreads) {

    public enum Activation { RELU, TANH }

    public static final int DEFAULT_MAX_TRAINING_WINDOWS = 20_000;

    public LstmConfig {
        require(window >= 1, "window must be >= 1");
        require(units >= 1, "units must be >= 1");
        require(layers >= 1, "layers must be >= 1");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
        require(activation != null, "activation is required");
        require(learningRate > 0, "learningRate must be > 0");
        require(batchSize >= 1, "batchSize must be >= 1");
        require(epochs >= 1, "epochs must be >= 1");
        require(patience >= 1, "patience must be >= 1");
        require(validationFraction >= 0 && validationFraction < 1, "validationFraction must be in [0, 1)");
        require(maxTrainingWindows >= 1, "maxTrainingWindows must be >= 1");
        require(trainingThreads >= 0, "trainingThreads must be >= 0 (0 = default)");
        if (trainingThreads == 0) {
            trainingThreads = defaultTrainingThreads();
        }
    }

    /** The twelve settings before {@code trainingThreads}, with the default thread count. */
    public LstmConfig(int window, int units, int layers, double dropout, Activation activation,
                      double learningRate, int batchSize, int epochs, int patience,
                      double validationFraction, long seed, int maxTrainingWindows) {
        this(window, units, layers, dropout, activation, learningRate, batchSize, epochs, patience,
                validationFraction, seed, maxTrainingWindows, 0);
    }

    /**
     * Threads for the minibatch gradient when none is configured: two where there are two cores (per epoch 1.6-1.8x
     * faster in wall time for about 5% more CPU, BENCHMARKS.md LSTM section); more parts of a batch of 32 would
     * leave each thread too little work between two Adam steps.
     */
    public static int defaultTrainingThreads() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /** The original eleven settings, with the default training-window cap. */
    public LstmConfig(int window, int units, int layers, double dropout, Activation activation,
                      double learningRate, int batchSize, int epochs, int patience,
                      double validationFraction, long seed) {
        this(window, units, layers, dropout, activation, learningRate, batchSize, epochs, patience,
                validationFraction, seed, DEFAULT_MAX_TRAINING_WINDOWS);
    }

    public static LstmConfig defaults() {
        return new LstmConfig(10, 50, 2, 0.2, Activation.RELU, 0.001, 32, 50, 5, 0.1, 42L);
    }

    public LstmConfig withEpochs(int newEpochs) {
        return new LstmConfig(window, units, layers, dropout, activation, learningRate, batchSize, newEpochs,
                patience, validationFraction, seed, maxTrainingWindows, trainingThreads);
    }

    public LstmConfig withPatience(int newPatience) {
        return new LstmConfig(window, units, layers, dropout, activation, learningRate, batchSize, epochs,
                newPatience, validationFraction, seed, maxTrainingWindows, trainingThreads);
    }

    public LstmConfig withMaxTrainingWindows(int newMax) {
        return new LstmConfig(window, units, layers, dropout, activation, learningRate, batchSize, epochs,
                patience, validationFraction, seed, newMax, trainingThreads);
    }

    public LstmConfig withTrainingThreads(int threads) {
        require(threads >= 1, "trainingThreads must be >= 1");
        return new LstmConfig(window, units, layers, dropout, activation, learningRate, batchSize, epochs,
                patience, validationFraction, seed, maxTrainingWindows, threads);
    }

    /** True when a network saved with {@code other} has the same layers and weight shapes as this one. */
    boolean sameArchitectureAs(LstmConfig other) {
        return window == other.window && units == other.units && layers == other.layers
                && activation == other.activation && dropout == other.dropout;
    }

    String architecture() {
        return "window " + window + ", " + layers + "x LSTM(" + units + ", " + activation + "), dropout " + dropout;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
