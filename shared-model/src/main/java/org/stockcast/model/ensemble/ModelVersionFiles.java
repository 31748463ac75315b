package org.stockcast.model.ensemble;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The files of one version directory: dataset.csv (snapshot), additive.json, lstm.zip, ensemble.json.
 * The manifest is the store's business ({@code store.ModelStore}).
 */
public final class ModelVersionFiles {
    private ModelVersionFiles() {
    }

    public static void write(EnsembleModel model, Path dir) throws IOException {
        throw new UnsupportedOperationException("issue #6");
    }

    public static EnsembleModel read(Path dir) throws IOException {
        throw new UnsupportedOperationException("issue #6");
    }
}
