package org.stockcast.model.lstm;

/** One finished epoch, as streamed to retrain clients. */
public record EpochProgress(int epoch, int epochs, double loss, double valLoss) {
}
