package org.stockcast.model.lstm;

/** Progress callbacks from {@link LstmTrainer}; called on the training thread. */
public interface TrainingListener {
    /** A human-readable step, e.g. "Loading existing LSTM model for fine-tuning...". */
    void message(String text);

    void epoch(EpochProgress progress);

    TrainingListener NONE = new TrainingListener() {
        @Override
        public void message(String text) {
        }

        @Override
        public void epoch(EpochProgress progress) {
        }
    };
}
