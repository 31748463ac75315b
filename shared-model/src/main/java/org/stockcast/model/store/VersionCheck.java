package org.stockcast.model.store;

import java.util.Optional;

/** Result of verifying a version directory against its manifest. */
public record VersionCheck(int version, Optional<Manifest> manifest, Failure failure, String detail) {

    /** Also the {@code reason} label of model_load_failures_total. */
    public enum Failure { MISSING_MANIFEST, UNREADABLE_MANIFEST, MISSING_FILE, SIZE_MISMATCH, CHECKSUM_MISMATCH,
        EXTRA_FILE }

    public boolean ok() {
        return failure == null;
    }
}
