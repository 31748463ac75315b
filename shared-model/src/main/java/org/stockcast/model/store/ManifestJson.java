package org.stockcast.model.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** manifest.json in the snake_case form docs/api.md fixes; unknown fields are ignored so writers may add some. */
final class ManifestJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ManifestJson() {
    }

    static byte[] toBytes(Manifest manifest) {
        return MAPPER.writeValueAsBytes(manifest);
    }

    static Manifest fromBytes(byte[] json) {
        return MAPPER.readValue(json, Manifest.class);
    }

    static Manifest read(Path file) throws IOException {
        try {
            return fromBytes(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new IOException("Unreadable manifest " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
