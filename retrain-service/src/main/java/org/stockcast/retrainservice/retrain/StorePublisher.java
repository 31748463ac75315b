package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.ensemble.EnsembleWeights;
import org.stockcast.model.master.MasterDataset;
import org.stockcast.model.lstm.LstmForecaster;
import org.stockcast.model.store.ModelStore;
import org.stockcast.model.version.VersionFiles;

/**
 * Publishes through the model store: temp dir, files, manifest last, rename, prune. The dataset snapshot links the
 * master's month partitions (the pipeline writes the master before it publishes), so a daily upload adds one month
 * file to the version instead of rewriting every row ({@link VersionFiles}).
 */
@Component
class StorePublisher implements ModelPublisher {
    private final ModelStore store;
    private final MasterDataset master;

    StorePublisher(ModelStore store, MasterDataset master) {
        this.store = store;
        this.master = master;
    }

    @Override
    public int publish(EnsembleModel model, EnsembleWeights.Mode weighting, Optional<LstmForecaster> holdoutLstm,
                       Map<String, String> additiveFitKeys, long trainedOnRows, LocalDate lastTrainingDate,
                       Map<String, Object> metrics) throws IOException {
        return store.publish(dir -> {
            VersionFiles.write(model, weighting, holdoutLstm, master, dir);
            AdditiveFitKeys.write(additiveFitKeys, dir);
        }, trainedOnRows, lastTrainingDate, metrics);
    }
}
