package org.stockcast.model.lstm;

import java.io.IOException;
import java.nio.file.Path;

/** A trained global LSTM. Thread-safe: concurrent forecasts share no recurrent state. */
public final class LstmForecaster {
    private LstmForecaster() {
        throw new UnsupportedOperationException("issue #4");
    }

    public LstmConfig config() { throw new UnsupportedOperationException("issue #4"); }

    /** Autoregressive forecast of {@code days} (1..365) values following {@code history}. */
    public double[] forecast(double[] history, int days) { throw new UnsupportedOperationException("issue #4"); }

    /** Network + updater state + normaliser + config in one DL4J zip. */
    public void save(Path zip) throws IOException { throw new UnsupportedOperationException("issue #4"); }

    public static LstmForecaster load(Path zip) throws IOException { throw new UnsupportedOperationException("issue #4"); }
}
