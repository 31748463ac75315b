package org.stockcast.model.lstm;

import java.util.ArrayList;
import java.util.List;

final class RecordingListener implements TrainingListener {
    final List<String> messages = new ArrayList<>();
    final List<EpochProgress> epochs = new ArrayList<>();

    @Override
    public void message(String text) {
        messages.add(text);
    }

    @Override
    public void epoch(EpochProgress progress) {
        epochs.add(progress);
    }

    EpochProgress last() {
        return epochs.get(epochs.size() - 1);
    }
}
