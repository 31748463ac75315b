package org.stockcast.model.lstm;

/** FINE_TUNE continues from the saved network and updater state; FULL starts from fresh weights. */
public enum TrainingMode { FINE_TUNE, FULL }
