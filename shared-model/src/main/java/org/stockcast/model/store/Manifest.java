package org.stockcast.model.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** manifest.json of a version (docs/api.md "Model store"); serialised snake_case. */
public record Manifest(int version, Instant createdAt, long trainedOnRows, LocalDate lastTrainingDate,
                       Map<String, FileEntry> files, Map<String, Object> metrics) {
}
