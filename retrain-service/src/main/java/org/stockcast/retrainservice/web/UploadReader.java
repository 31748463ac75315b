package org.stockcast.retrainservice.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.stockcast.model.dataset.SalesTable;
import org.stockcast.model.ingest.CsvIngest;
import org.stockcast.model.ingest.CsvRejectedException;
import org.stockcast.model.ingest.IngestLimits;
import org.stockcast.retrainservice.InventoryProperties;

/**
 * Stage "validate", before any response is sent: spool the multipart part to a temp file whose name we choose
 * (the client's file name is only ever shown, never used as a path), then parse and validate it completely.
 */
@Component
class UploadReader {
    static final String DEFAULT_NAME = "upload.csv";
    private static final int MAX_NAME_CHARS = 200;

    private final IngestLimits limits;

    UploadReader(InventoryProperties properties) {
        this.limits = properties.upload().limits();
    }

    record Upload(SalesTable table, String fileName, Duration took) {
    }

    /** @throws CsvRejectedException when the file is too large, not a CSV, or has invalid rows */
    Upload read(MultipartFile file) throws IOException {
        long started = System.nanoTime();
        String name = displayName(file.getOriginalFilename());
        if (file.getSize() > limits.maxBytes()) {
            throw tooLarge(name, file.getSize());
        }
        Path spooled = Files.createTempFile("retrain-upload-", ".csv");
        try {
            long bytes;
            try (InputStream in = file.getInputStream()) {
                bytes = Files.copy(in, spooled, StandardCopyOption.REPLACE_EXISTING);
            }
            if (bytes > limits.maxBytes()) {
                throw tooLarge(name, bytes);
            }
            SalesTable table;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(spooled), 1 << 16)) {
                table = CsvIngest.read(in, name, limits);
            }
            return new Upload(table, name, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private CsvRejectedException tooLarge(String name, long bytes) {
        return new CsvRejectedException(name, CsvRejectedException.Reason.TOO_LARGE, String.format(Locale.ROOT,
                "%s is %d bytes; the limit is %d bytes", name, bytes, limits.maxBytes()), List.of());
    }

    /** The last path segment of what the client sent, without control characters, for messages only. */
    static String displayName(String original) {
        if (original == null) {
            return DEFAULT_NAME;
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > MAX_NAME_CHARS) {
            name = name.substring(0, MAX_NAME_CHARS);
        }
        return name.isEmpty() ? DEFAULT_NAME : name;
    }
}
