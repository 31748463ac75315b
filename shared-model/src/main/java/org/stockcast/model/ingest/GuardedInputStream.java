package org.stockcast.model.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of an upload while it is parsed: stops at the size limit, and at a NUL byte, which never
 * occurs in a UTF-8 text CSV but is everywhere in binaries and UTF-16 files (both of which may be valid UTF-8
 * byte sequences, so the decoder alone would not catch them).
 */
final class GuardedInputStream extends FilterInputStream {

    /** The stream went past {@code maxBytes}. */
    static final class TooLargeException extends IOException {
        TooLargeException(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }

    /** A NUL byte at {@code offset}. */
    static final class BinaryContentException extends IOException {
        final long offset;

        BinaryContentException(long offset) {
            super("NUL byte at offset " + offset);
            this.offset = offset;
        }
    }

    private final long maxBytes;
    private long count;

    GuardedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            check(b == 0 ? 0 : -1, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            int nul = -1;
            for (int i = 0; i < n; i++) {
                if (buffer[offset + i] == 0) {
                    nul = i;
                    break;
                }
            }
            check(nul, n);
        }
        return n;
    }

    private void check(int nulIndex, int n) throws IOException {
        if (nulIndex >= 0) {
            throw new BinaryContentException(count + nulIndex);
        }
        count += n;
        if (count > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported while reading an upload");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
