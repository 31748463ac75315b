package org.stockcast.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and directory under a root with the SHA-256 of each file: "byte-identical" made checkable. */
record DirSnapshot(Path root, Map<String, String> entries) {

    static DirSnapshot of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    if (p.equals(root)) {
                        continue;
                    }
                    String rel = root.relativize(p).toString();
                    entries.put(rel, Files.isDirectory(p) ? "<dir>" : sha256(p));
                }
            }
        }
        return new DirSnapshot(root, entries);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Human-readable difference, empty when identical. */
    String diff(DirSnapshot after) {
        StringBuilder sb = new StringBuilder();
        for (var e : entries.entrySet()) {
            String now = after.entries.get(e.getKey());
            if (now == null) {
                sb.append("removed ").append(e.getKey()).append('\n');
            } else if (!now.equals(e.getValue())) {
                sb.append("changed ").append(e.getKey()).append('\n');
            }
        }
        for (String k : after.entries.keySet()) {
            if (!entries.containsKey(k)) {
                sb.append("added ").append(k).append('\n');
            }
        }
        return sb.toString();
    }
}
