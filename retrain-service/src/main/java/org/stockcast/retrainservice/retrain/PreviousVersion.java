package org.stockcast.retrainservice.retrain;

import org.stockcast.model.store.Manifest;

/** The newest verified version a retrain builds on: its number (the directory's name) and its manifest. */
record PreviousVersion(int number, Manifest manifest) {
}
