package org.stockcast.retrainservice.retrain;

import org.stockcast.model.lstm.EpochProgress;

/** Where the pipeline reports what it is doing; called on the job thread. */
interface RetrainProgress {
    void stage(Stage stage, String message);

    void epoch(EpochProgress progress);
}
