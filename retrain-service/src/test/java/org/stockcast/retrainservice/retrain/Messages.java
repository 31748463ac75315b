package org.stockcast.retrainservice.retrain;

import java.util.ArrayList;
import java.util.List;
import org.stockcast.model.lstm.EpochProgress;

/** Progress that keeps every stage message, for tests that assert what a stage said it did. */
record Messages(List<String> lines) implements RetrainProgress {
    Messages() {
        this(new ArrayList<>());
    }

    @Override
    public void stage(Stage stage, String message) {
        lines.add(message);
    }

    @Override
    public void epoch(EpochProgress progress) {
    }
}
