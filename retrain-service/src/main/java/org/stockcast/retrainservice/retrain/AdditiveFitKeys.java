package org.stockcast.retrainservice.retrain;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stockcast.model.additive.AdditiveConfig;
import org.stockcast.model.dataset.DailySeries;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@value #FILE} in a version: per precomputed series, the SHA-256 of what its additive fit depends on (the series'
 * days and values and the fit settings). The fit is deterministic, so a series whose key is unchanged in the next
 * retrain would be fitted to exactly the same model: that retrain takes the model from this version instead.
 */
final class AdditiveFitKeys {
    static final String FILE = "additive-fits.json";
    /** Part of every key: bump it when the fit itself changes, so no version reuses a model the new code would not fit. */
    private static final String FIT_REVISION = "additive-fit-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AdditiveFitKeys() {
    }

    static String of(DailySeries series, AdditiveConfig config) {
        MessageDigest digest = sha256();
        digest.update(FIT_REVISION.getBytes(StandardCharsets.UTF_8));
        // records print every component, special days' dates included
        digest.update(config.toString().getBytes(StandardCharsets.UTF_8));
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES * (2 + series.length()));
        buffer.putLong(series.start().toEpochDay()).putLong(series.length());
        for (double v : series.values()) {
            buffer.putLong(Double.doubleToLongBits(v));
        }
        digest.update(buffer.array());
        return HexFormat.of().formatHex(digest.digest());
    }

    static void write(Map<String, String> keys, Path dir) throws IOException {
        try {
            Files.write(dir.resolve(FILE), JSON.writeValueAsBytes(new FileJson(keys)));
        } catch (JacksonException e) {
            throw new IOException("Cannot write " + FILE + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The keys saved in {@code dir}; empty when the version has none (saved before them) or they are unreadable. */
    static Map<String, String> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            FileJson json = JSON.readValue(Files.readAllBytes(file), FileJson.class);
            return json == null || json.keys() == null ? Map.of() : new LinkedHashMap<>(json.keys());
        } catch (IOException | JacksonException e) {
            return Map.of();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM must provide SHA-256", e);
        }
    }

    record FileJson(Map<String, String> keys) {
    }
}
