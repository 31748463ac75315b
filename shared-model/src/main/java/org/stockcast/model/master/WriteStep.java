package org.stockcast.model.master;

/** The points of a master dataset write where a crash can happen; tests stop a write at each of them. */
enum WriteStep {
    /** A new partition file is in place under its final name; the index still names the old version. */
    PARTITION_WRITTEN,
    /** The new index is durable in its temp file; not yet renamed. */
    INDEX_WRITTEN,
    /** The new index is in place (the commit point); the previous one is not yet the backup. */
    COMMITTED,
    /** The previous version is the backup; files of neither version are not yet deleted. */
    BACKUP_KEPT
}
