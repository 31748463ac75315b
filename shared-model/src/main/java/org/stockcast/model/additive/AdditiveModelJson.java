package org.stockcast.model.additive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Versioned JSON format for fitted models; one file can hold many models keyed by series name. */
public final class AdditiveModelJson {
    private AdditiveModelJson() {
    }

    public static void write(Map<String, FittedAdditiveModel> models, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("issue #3");
    }

    public static Map<String, FittedAdditiveModel> read(InputStream in) throws IOException {
        throw new UnsupportedOperationException("issue #3");
    }
}
