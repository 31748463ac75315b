package org.stockcast.system;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Hand-built multipart/form-data bodies, so the tests can also send what a browser never would (odd file names,
 * missing parts, huge files streamed from disk).
 */
final class Multipart {
    private Multipart() {
    }

    /** A request with one file part. {@code fieldName} is normally "file". */
    static HttpRequest.Builder filePart(URI uri, String fieldName, String fileName, String partContentType,
                                        HttpRequest.BodyPublisher content) {
        String boundary = "----stockcast" + UUID.randomUUID().toString().replace("-", "");
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + fieldName + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + partContentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                        content,
                        HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8))));
    }

    static HttpRequest.Builder csv(URI uri, String fileName, byte[] content) {
        return filePart(uri, "file", fileName, "text/csv", HttpRequest.BodyPublishers.ofByteArray(content));
    }

    static HttpRequest.Builder csv(URI uri, String fileName, Path content) {
        try {
            return filePart(uri, "file", fileName, "text/csv", HttpRequest.BodyPublishers.ofFile(content));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }
}
