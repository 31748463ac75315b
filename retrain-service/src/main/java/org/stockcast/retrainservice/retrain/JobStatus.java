package org.stockcast.retrainservice.retrain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum JobStatus {
    RUNNING, SUCCESS, ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
