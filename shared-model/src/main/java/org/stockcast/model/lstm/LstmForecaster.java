package org.stockcast.model.lstm;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A trained global LSTM. Thread-safe: forecasts run on an immutable plain-Java copy of the weights
 * ({@link JavaLstm}), so concurrent forecasts share no recurrent state and make no native calls.
 */
public final class LstmForecaster {
    public static final int MAX_DAYS = 365;

    private final LstmConfig config;
    private final WindowNormaliser normaliser;
    // Null when loaded for serving: forecasts need only the plain-Java copy, and the native network with its
    // updater state would stay allocated for as long as the version is served.
    private final MultiLayerNetwork network;
    private final JavaLstm inference;

    /** {@code network} must not be trained any further: save() writes it as is. */
    LstmForecaster(LstmConfig config, WindowNormaliser normaliser, MultiLayerNetwork network) {
        this(config, normaliser, network, JavaLstm.of(network, config));
    }

    private LstmForecaster(LstmConfig config, WindowNormaliser normaliser, MultiLayerNetwork network,
                           JavaLstm inference) {
        this.config = config;
        this.normaliser = normaliser;
        this.network = network;
        this.inference = inference;
    }

    public LstmConfig config() {
        return config;
    }

    /** The served forecast: {@link Rollout#DAMPED}. */
    public double[] forecast(double[] history, int days) {
        return forecast(history, days, Rollout.DAMPED);
    }

    /**
     * Autoregressive forecast of {@code days} (1..365) values following {@code history} (oldest first, >= 0).
     * Only the last {@code window} days feed the network; a shorter history is left-padded with its own mean.
     * Missing days (NaN) are filled first ({@link MissingDays}).
     * Values are >= 0 and at most the history's highest; after an all-zero window the forecast is 0.
     */
    public double[] forecast(double[] history, int days, Rollout rollout) {
        if (history == null) {
            throw new IllegalArgumentException("history is required");
        }
        double[] filled = MissingDays.filled(history);
        double[] path = rollout(filled, days);
        return rollout == Rollout.FREE ? path
                : DriftDamping.damp(path, DriftDamping.level(filled, DriftDamping.LEVEL_DAYS),
                        DriftDamping.DECAY_DAYS);
    }

    private double[] rollout(double[] history, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1.." + MAX_DAYS + ", was " + days);
        }
        int window = config.window();
        double[] values = new double[window + days];
        int known = Math.min(window, history.length);
        double pad = history.length == 0 ? 0 : WindowNormaliser.scale(history, 0, history.length);
        Arrays.fill(values, 0, window - known, pad);
        System.arraycopy(history, history.length - known, values, window - known, known);
        for (int i = 0; i < window; i++) {
            if (!Double.isFinite(values[i]) || values[i] < 0) {
                throw new IllegalArgumentException("history values must be finite and >= 0, found " + values[i]);
            }
        }
        // Fed its own output, a network trained on spiky days (rain, lumpy demand) can compound a spike into the
        // next window's mean and the next spike on that: a rollout reaching 10^4 times the series' scale on
        // Seattle's daily rainfall (BENCHMARKS.md, issue 15, session 22). No step exceeds the highest day seen.
        double ceiling = Arrays.stream(history).max().orElse(0);
        double[] input = new double[window];
        for (int d = 0; d < days; d++) {
            double scale = WindowNormaliser.scale(values, d, window);
            if (scale <= 0) {
                continue;
            }
            for (int t = 0; t < window; t++) {
                input[t] = normaliser.standardise(normaliser.ratio(values[d + t], scale));
            }
            values[window + d] = Math.min(ceiling, normaliser.toValue(inference.predict(input), scale));
        }
        return Arrays.copyOfRange(values, window, window + days);
    }

    /** Network + updater state + normaliser + config in one DL4J zip, written atomically. */
    public void save(Path zip) throws IOException {
        if (network == null) {
            throw new IllegalStateException("this LSTM was loaded for serving only; it has no network to save");
        }
        LstmModelFile.write(zip, network, new LstmModelFile.Meta(LstmModelFile.FORMAT_VERSION, config, normaliser));
    }

    public static LstmForecaster load(Path zip) throws IOException {
        LstmModelFile.Saved saved = LstmModelFile.read(zip);
        return new LstmForecaster(saved.meta().config(), saved.meta().normaliser(), saved.network());
    }

    /** Like {@link #load} but keeps only the plain-Java weights: forecasts work, {@link #save} does not. */
    public static LstmForecaster loadForServing(Path zip) throws IOException {
        LstmModelFile.Saved saved = LstmModelFile.read(zip);
        LstmConfig config = saved.meta().config();
        JavaLstm inference = JavaLstm.of(saved.network(), config);
        release(saved.network().params());
        release(saved.network().updaterState());
        return new LstmForecaster(config, saved.meta().normaliser(), null, inference);
    }

    /**
     * Frees a network's native buffer now. Not {@code MultiLayerNetwork.close()}: that calls {@code System.gc()}
     * twice, two stop-the-world full collections on every swap of the forecast service (100-300 ms each with
     * 10,000 products' forecasts cached, every request waiting).
     */
    private static void release(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
    }

    WindowNormaliser normaliser() {
        return normaliser;
    }

    MultiLayerNetwork network() {
        return network;
    }
}
