package org.stockcast.model.master;

/** What one write of the master dataset did: partition files written (and their bytes) and partitions kept. */
public record MasterWrite(int partitionsWritten, int partitionsKept, long bytesWritten) {
}
