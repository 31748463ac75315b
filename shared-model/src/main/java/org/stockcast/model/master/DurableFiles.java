package org.stockcast.model.master;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file operations a crash-safe write is made of: durable temp files, atomic renames, directory fsync. */
final class DurableFiles {
    static final String TEMP_SUFFIX = ".tmp";
    private static final Logger log = LoggerFactory.getLogger(DurableFiles.class);

    private DurableFiles() {
    }

    /** Writes {@code content} to a new temp file beside {@code target} (named {@code .<target>.*.tmp}), fsynced. */
    static Path writeTemp(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            makeWorldReadable(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * A second name for {@code file} (a hard link, or a fsynced copy where links are unsupported) under a temp
     * name, to be moved elsewhere later; null when {@code file} does not exist.
     */
    static Path secondName(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Path link = file.resolveSibling("." + file.getFileName() + ".link" + TEMP_SUFFIX);
        Files.deleteIfExists(link);
        try {
            Files.createLink(link, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(file, link, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(link, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        return link;
    }

    static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on exotic file systems; a plain replace is the best left.
            log.warn("atomic rename not supported in {}; replacing {} non-atomically", source.getParent(), target);
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes renames in {@code dir} durable (POSIX); not possible on every platform, where it is skipped. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    /** Temp files are created owner-only; the dataset itself is as readable as any file the service writes. */
    private static void makeWorldReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the default permissions apply
        }
    }
}
