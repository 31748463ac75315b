package org.stockcast.retrainservice.retrain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** UPLOAD: a user sent a CSV. BOOTSTRAP: the service trains its first version from the master dataset. */
public enum JobKind {
    UPLOAD, BOOTSTRAP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
