package org.stockcast.model.store;

public record FileEntry(long size, String sha256) {
}
