package org.stockcast.forecastservice.watch;

import java.time.Instant;
import org.stockcast.model.ensemble.EnsembleModel;
import org.stockcast.model.store.Manifest;

/**
 * The served version. Requests take one reference and use only it, so a swap never mixes two versions; the old
 * model is garbage once the last request holding it finishes.
 */
public record LoadedEnsemble(int version, Manifest manifest, EnsembleModel model, Instant loadedAt,
                             String manifestFingerprint) {
}
