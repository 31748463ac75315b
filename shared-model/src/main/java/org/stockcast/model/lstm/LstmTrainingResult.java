package org.stockcast.model.lstm;

/** The trained network and how training went; {@code fineTuned} false means it started from fresh weights. */
public record LstmTrainingResult(LstmForecaster forecaster, boolean fineTuned, int epochsRun,
                                 double bestValLoss) {
}
