package org.stockcast.model.lstm;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Trains the global LSTM on windows from every given series. */
public final class LstmTrainer {
    private LstmTrainer() {
    }

    /**
     * @param series daily series (each product, the total, ...), oldest first
     * @param previous the previous version's LSTM zip for FINE_TUNE; a missing, unreadable or
     *                 differently shaped one falls back to fresh weights with a listener message saying why
     */
    public static LstmTrainingResult train(List<double[]> series, LstmConfig config, TrainingMode mode,
                                           Optional<Path> previous, TrainingListener listener) {
        throw new UnsupportedOperationException("issue #4");
    }
}
