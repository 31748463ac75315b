package org.stockcast.retrainservice.retrain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.stockcast.model.dataset.SalesTable;

/**
 * What is new since the version an incremental LSTM fine-tune continues: that version's last training day (every
 * later day is new to it) and, per product, the first day the upload brings (earlier days it rewrites are new too).
 */
record LstmChanges(int previousVersion, LocalDate previousLastDate, Map<String, LocalDate> uploadFirstDays,
                   Optional<LocalDate> uploadFirstDay) {

    LstmChanges {
        uploadFirstDays = Map.copyOf(uploadFirstDays);
    }

    /** One pass over the upload's rows (a history upload holds a million). */
    static LstmChanges of(int previousVersion, LocalDate previousLastDate, Optional<SalesTable> upload) {
        Map<String, Integer> first = new HashMap<>();
        int overall = Integer.MAX_VALUE;
        if (upload.isPresent()) {
            SalesTable table = upload.get();
            for (int row = 0; row < table.size(); row++) {
                int day = table.epochDay(row);
                first.merge(table.productId(row), day, Math::min);
                overall = Math.min(overall, day);
            }
        }
        Map<String, LocalDate> days = new HashMap<>();
        first.forEach((product, day) -> days.put(product, LocalDate.ofEpochDay(day)));
        return new LstmChanges(previousVersion, previousLastDate, days, overall == Integer.MAX_VALUE
                ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(overall)));
    }

    /**
     * The index of the first new day of a series starting on {@code start} with {@code length} days, for a network
     * trained up to {@code trainedUntil}: the product's (or for the total, any product's) first uploaded day if
     * earlier; {@code length} when nothing in the series is new.
     */
    int firstNewIndex(Optional<String> product, LocalDate start, int length, LocalDate trainedUntil) {
        LocalDate first = trainedUntil.plusDays(1);
        Optional<LocalDate> uploaded = product.isPresent()
                ? Optional.ofNullable(uploadFirstDays.get(product.get())) : uploadFirstDay;
        if (uploaded.isPresent() && uploaded.get().isBefore(first)) {
            first = uploaded.get();
        }
        long index = ChronoUnit.DAYS.between(start, first);
        return (int) Math.max(0, Math.min(length, index));
    }
}
