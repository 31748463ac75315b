package org.stockcast.retrainservice.retrain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Pipeline stages in the order they run; serialised lower-case as in docs/api.md. */
public enum Stage {
    VALIDATE, MERGE, ADDITIVE, LSTM, EVALUATE, PUBLISH;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
