package org.stockcast.retrainservice.retrain;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.stockcast.model.dataset.SalesTable;

/**
 * What one job trains on: a validated upload (empty for the start-up bootstrap, which trains on the master
 * dataset as it is), the name the client gave the file (for messages only, never a path), whether to continue
 * from the previous LSTM, an optional epoch override, and how long validation took.
 */
public record RetrainRequest(Optional<SalesTable> upload, String fileName, boolean fineTune, OptionalInt epochs,
                             Duration validation) {

    public static RetrainRequest upload(SalesTable upload, String fileName, boolean fineTune, OptionalInt epochs,
                                        Duration validation) {
        return new RetrainRequest(Optional.of(upload), fileName, fineTune, epochs, validation);
    }

    public static RetrainRequest bootstrap() {
        return new RetrainRequest(Optional.empty(), null, true, OptionalInt.empty(), Duration.ZERO);
    }
}
