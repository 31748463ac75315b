package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.lstm.LstmForecaster;

/**
 * Turns a trained ensemble into a published model version, with the fit keys of its additive models
 * ({@link AdditiveFitKeys}); returns the version number.
 */
@FunctionalInterface
interface ModelPublisher {
    int publish(EnsembleModel model, EnsembleWeights.Mode weighting, Optional<LstmForecaster> holdoutLstm,
                Map<String, String> additiveFitKeys, long trainedOnRows, LocalDate lastTrainingDate, Map<String, Object> metrics) throws IOException;
}
