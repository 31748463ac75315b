package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.ensemble.ModelVersionFiles;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.store.ModelStore;

/** Publishes through the model store: temp dir, files, manifest last, rename, prune. */
@Component
class StorePublisher implements ModelPublisher {
    private final ModelStore store;

    StorePublisher(ModelStore store) {
        this.store = store;
    }

    @Override
    public int publish(EnsembleModel model, EnsembleWeights.Mode weighting, Optional<LstmForecaster> holdoutLstm,
                       Map<String, String> additiveFitKeys, long trainedOnRows, LocalDate lastTrainingDate,
                       Map<String, Object> metrics) throws IOException {
        return store.publish(dir -> {
            ModelVersionFiles.write(model, weighting, holdoutLstm, dir);
            AdditiveFitKeys.write(additiveFitKeys, dir);
        }, trainedOnRows, lastTrainingDate, metrics);
    }
}
