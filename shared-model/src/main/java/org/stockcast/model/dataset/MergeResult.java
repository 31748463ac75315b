package org.stockcast.model.dataset;

/** Outcome of merging an upload into the master dataset (docs/api.md "Master dataset"). */
public record MergeResult(SalesTable merged, int rowsUploaded, int rowsAdded, int rowsUpdated) {
    public int rowsTotal() {
        return merged.size();
    }
}
