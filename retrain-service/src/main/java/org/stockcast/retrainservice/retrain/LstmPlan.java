package org.stockcast.retrainservice.retrain;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.stockcast.model.lstm.LstmConfig;
import org.stockcast.model.lstm.TrainingMode;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * How this retrain trains the LSTM: FULL (fresh weights) on request ({@code fineTune=false}) or when
 * {@code inventory.retrain.full-every} trainings have continued the same network; otherwise FINE_TUNE, incremental
 * ({@link IncrementalLstm}) when there is a previous version to continue.
 *
 * @param trainingsSinceFull trainings that continued the network since it was last trained fresh, this one included
 */
record LstmPlan(TrainingMode mode, LstmConfig config, Optional<IncrementalLstm> incremental, int trainingsSinceFull) {
    /** manifest.json metrics.lstm member that carries the count from version to version. */
    static final String TRAININGS_SINCE_FULL = "trainings_since_full";

    static LstmPlan of(RetrainRequest request, Optional<PreviousVersion> previous, InventoryProperties properties,
                       RetrainProgress progress) {
        InventoryProperties.Lstm lstm = properties.lstm();
        LstmConfig config = lstm.config();
        if (request.epochs().isPresent()) {
            config = config.withEpochs(request.epochs().getAsInt());
        }
        int since = previous.map(p -> trainingsSinceFull(p.manifest().metrics())).orElse(0) + 1;
        int fullEvery = properties.retrain().fullEvery();
        if (request.fineTune() && previous.isPresent() && fullEvery > 0 && since >= fullEvery) {
            progress.stage(Stage.LSTM, "Scheduled full retrain: the LSTM has been continued " + (since - 1)
                    + " times since it was last trained from scratch (inventory.retrain.full-every=" + fullEvery + ")");
            return new LstmPlan(TrainingMode.FULL, config, Optional.empty(), 0);
        }
        if (request.lstmMode() == TrainingMode.FULL) {
            return new LstmPlan(TrainingMode.FULL, config, Optional.empty(), 0);
        }
        Optional<IncrementalLstm> incremental = previous
                .filter(p -> p.manifest().lastTrainingDate() != null)
                .map(p -> new IncrementalLstm(LstmChanges.of(p.number(), p.manifest().lastTrainingDate(),
                        request.upload()), incrementalConfig(lstm, request.epochs()), lstm.replayRatio()));
        return new LstmPlan(TrainingMode.FINE_TUNE, config, incremental, since);
    }

    /** The daily fine-tune's settings: fewer epochs, less patience, and at most fine-tune-max-windows windows. */
    static LstmConfig incrementalConfig(InventoryProperties.Lstm lstm, OptionalInt epochs) {
        LstmConfig config = lstm.config();
        return config.withEpochs(epochs.orElse(Math.min(config.epochs(), lstm.fineTuneEpochs())))
                .withPatience(Math.min(config.patience(), lstm.fineTunePatience()))
                .withMaxTrainingWindows(Math.min(config.maxTrainingWindows(), lstm.fineTuneMaxWindows()));
    }

    private static int trainingsSinceFull(Map<String, Object> metrics) {
        if (metrics != null && metrics.get("lstm") instanceof Map<?, ?> lstm
                && lstm.get(TRAININGS_SINCE_FULL) instanceof Number n) {
            return n.intValue();
        }
        return 0;
    }
}
