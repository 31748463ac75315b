package org.stockcast.model.dataset;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merge by (date, product_id), upload wins. Rows of the master keep their position (a replaced row takes the
 * uploaded values in place), new rows are appended in the order their key first appears in the upload, so a
 * date-ordered master stays mostly ordered. Linear in the sizes of both tables: one hash index over the upload's
 * keys, one pass over the master.
 */
public final class SalesTableMerge {
    private SalesTableMerge() {
    }

    public static MergeResult merge(SalesTable master, SalesTable upload) {
        int uploadSize = upload.size();
        Map<String, Integer> productCodes = new HashMap<>();
        String[] uploadProducts = upload.productColumn();
        int[] uploadDays = upload.epochDayColumn();
        long[] uploadKeys = new long[uploadSize];
        LongIntIndex lastRowOfKey = new LongIntIndex(uploadSize);
        String lastProduct = null;
        int lastCode = -1;
        for (int i = 0; i < uploadSize; i++) {
            String product = uploadProducts[i];
            if (product != lastProduct) {
                lastProduct = product;
                lastCode = productCodes.computeIfAbsent(product, p -> productCodes.size());
            }
            uploadKeys[i] = key(lastCode, uploadDays[i]);
            lastRowOfKey.put(uploadKeys[i], i); // a later duplicate inside the upload wins
        }

        // Where uploaded rows go: replacing master row m keeps position m; new keys go after the master's rows.
        int distinctKeys = lastRowOfKey.size();
        int[] patchPositions = new int[distinctKeys];
        int[] patchRows = new int[distinctKeys];
        int patches = 0;
        boolean[] placed = new boolean[uploadSize];
        BitSet droppedMasterRows = null;
        String[] masterProducts = master.productColumn();
        int[] masterDays = master.epochDayColumn();
        // Only master rows inside the upload's date range can clash: a cheap test that skips the hash lookup for
        // most rows when a small upload meets a large master.
        int firstUploadDay = upload.isEmpty() ? 0 : (int) upload.firstDate().orElseThrow().toEpochDay();
        int lastUploadDay = upload.isEmpty() ? -1 : (int) upload.lastDate().orElseThrow().toEpochDay();
        lastProduct = null;
        Integer code = null;
        for (int m = 0; m < master.size(); m++) {
            int day = masterDays[m];
            if (day < firstUploadDay || day > lastUploadDay) {
                continue;
            }
            String product = masterProducts[m];
            if (product != lastProduct) {
                lastProduct = product;
                code = productCodes.get(product);
            }
            int u = code == null ? -1 : lastRowOfKey.get(key(code, day));
            if (u < 0) {
                continue;
            }
            if (!placed[u]) {
                placed[u] = true;
                patchPositions[patches] = m;
                patchRows[patches++] = u;
            } else {
                // A second master row with the same key: the uploaded row already replaced the first one.
                if (droppedMasterRows == null) {
                    droppedMasterRows = new BitSet(master.size());
                }
                droppedMasterRows.set(m);
            }
        }
        int updated = patches;
        int added = 0;
        for (int i = 0; i < uploadSize; i++) {
            // New keys in the order they first appear, each with its last uploaded row.
            int winner = lastRowOfKey.get(uploadKeys[i]);
            if (!placed[winner]) {
                placed[winner] = true;
                patchPositions[patches] = master.size() + added;
                patchRows[patches++] = winner;
                added++;
            }
        }
        Gather gather = droppedMasterRows == null
                ? new PatchGather(patchPositions, patchRows, patches, master.size() + added, master.size())
                : FullGather.of(master.size(), droppedMasterRows, patchPositions, patchRows, updated, patches);
        return new MergeResult(build(master, upload, gather), uploadSize, added, updated);
    }

    private static long key(int productCode, int epochDay) {
        return ((long) productCode << 32) | (epochDay & 0xFFFF_FFFFL);
    }

    private static SalesTable build(SalesTable master, SalesTable upload, Gather g) {
        Map<String, String[]> extras = new LinkedHashMap<>();
        Map<String, String> canonicalNames = new HashMap<>();
        List<String[]> masterExtraSources = new ArrayList<>();
        List<String[]> uploadExtraSources = new ArrayList<>();
        for (Map.Entry<String, String[]> column : master.extraColumnMap().entrySet()) {
            canonicalNames.put(column.getKey().toLowerCase(Locale.ROOT), column.getKey());
            extras.put(column.getKey(), null);
            masterExtraSources.add(column.getValue());
            uploadExtraSources.add(null);
        }
        for (Map.Entry<String, String[]> column : upload.extraColumnMap().entrySet()) {
            // Same column spelled differently (Profit vs profit): one column, named as the master names it.
            String name = canonicalNames.get(column.getKey().toLowerCase(Locale.ROOT));
            if (name == null) {
                name = column.getKey();
                canonicalNames.put(name.toLowerCase(Locale.ROOT), name);
                extras.put(name, null);
                masterExtraSources.add(null);
                uploadExtraSources.add(column.getValue());
            } else {
                uploadExtraSources.set(new ArrayList<>(extras.keySet()).indexOf(name), column.getValue());
            }
        }
        int c = 0;
        for (Map.Entry<String, String[]> column : extras.entrySet()) {
            column.setValue(g.strings(masterExtraSources.get(c), uploadExtraSources.get(c)));
            c++;
        }
        return new SalesTable(g.size(),
                g.ints(master.epochDayColumn(), upload.epochDayColumn()),
                g.strings(master.productColumn(), upload.productColumn()),
                g.strings(master.categoryColumn(), upload.categoryColumn()),
                g.strings(master.regionColumn(), upload.regionColumn()),
                g.doubles(master.salesColumn(), upload.salesColumn()),
                g.doubles(master.priceColumn(), upload.priceColumn()),
                g.doubles(master.discountColumn(), upload.discountColumn()),
                g.doubles(master.ratingColumn(), upload.ratingColumn()),
                extras);
    }

    /** Builds one merged column from the master's and the upload's (a null column means all empty). */
    private interface Gather {
        int size();

        int[] ints(int[] fromMaster, int[] fromUpload);

        double[] doubles(double[] fromMaster, double[] fromUpload);

        String[] strings(String[] fromMaster, String[] fromUpload);
    }

    /** Master rows stay where they are: bulk-copy the master column, then write the uploaded rows over/after it. */
    private static final class PatchGather implements Gather {
        private final int[] uploadPositions;
        private final int[] uploadRows;
        private final int patches;
        private final int size;
        private final int masterSize;

        PatchGather(int[] uploadPositions, int[] uploadRows, int patches, int size, int masterSize) {
            this.uploadPositions = uploadPositions;
            this.uploadRows = uploadRows;
            this.patches = patches;
            this.size = size;
            this.masterSize = masterSize;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int[] ints(int[] fromMaster, int[] fromUpload) {
            int[] result = new int[size];
            System.arraycopy(fromMaster, 0, result, 0, masterSize);
            for (int i = 0; i < patches; i++) {
                result[uploadPositions[i]] = fromUpload[uploadRows[i]];
            }
            return result;
        }

        @Override
        public double[] doubles(double[] fromMaster, double[] fromUpload) {
            double[] result = new double[size];
            System.arraycopy(fromMaster, 0, result, 0, masterSize);
            for (int i = 0; i < patches; i++) {
                result[uploadPositions[i]] = fromUpload[uploadRows[i]];
            }
            return result;
        }

        @Override
        public String[] strings(String[] fromMaster, String[] fromUpload) {
            String[] result = new String[size];
            if (fromMaster != null) {
                System.arraycopy(fromMaster, 0, result, 0, masterSize);
            }
            for (int i = 0; i < patches; i++) {
                result[uploadPositions[i]] = fromUpload == null ? null : fromUpload[uploadRows[i]];
            }
            return result;
        }
    }

    /** General case (the master had duplicate keys, so positions shift): one indexed gather per column. */
    private static final class FullGather implements Gather {
        private final int[] sources;
        private final int size;

        /** sources[k] >= 0: master row; < 0: upload row -(k + 1). */
        private FullGather(int[] sources, int size) {
            this.sources = sources;
            this.size = size;
        }

        /** Patches 0..updated-1 replace master rows (in row order), the rest are appended. */
        static FullGather of(int masterSize, BitSet droppedMasterRows, int[] patchPositions, int[] patchRows,
                             int updated, int patches) {
            int size = masterSize - droppedMasterRows.cardinality() + (patches - updated);
            int[] sources = new int[size];
            int out = 0;
            int p = 0;
            for (int m = 0; m < masterSize; m++) {
                if (droppedMasterRows.get(m)) {
                    continue;
                }
                if (p < updated && patchPositions[p] == m) {
                    sources[out++] = -(patchRows[p++] + 1);
                } else {
                    sources[out++] = m;
                }
            }
            for (int i = updated; i < patches; i++) {
                sources[out++] = -(patchRows[i] + 1);
            }
            return new FullGather(sources, size);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int[] ints(int[] fromMaster, int[] fromUpload) {
            return gather(fromMaster, fromUpload, sources, size);
        }

        @Override
        public double[] doubles(double[] fromMaster, double[] fromUpload) {
            return gather(fromMaster, fromUpload, sources, size);
        }

        @Override
        public String[] strings(String[] fromMaster, String[] fromUpload) {
            return gather(fromMaster, fromUpload, sources, size);
        }
    }

    private static int[] gather(int[] fromMaster, int[] fromUpload, int[] sources, int size) {
        int[] result = new int[size];
        for (int k = 0; k < size; k++) {
            int s = sources[k];
            result[k] = s >= 0 ? fromMaster[s] : fromUpload[-s - 1];
        }
        return result;
    }

    private static double[] gather(double[] fromMaster, double[] fromUpload, int[] sources, int size) {
        double[] result = new double[size];
        for (int k = 0; k < size; k++) {
            int s = sources[k];
            result[k] = s >= 0 ? fromMaster[s] : fromUpload[-s - 1];
        }
        return result;
    }

    /** A null source array means that table lacks the column: its rows get empty values. */
    private static String[] gather(String[] fromMaster, String[] fromUpload, int[] sources, int size) {
        String[] result = new String[size];
        for (int k = 0; k < size; k++) {
            int s = sources[k];
            if (s >= 0) {
                result[k] = fromMaster == null ? null : fromMaster[s];
            } else {
                result[k] = fromUpload == null ? null : fromUpload[-s - 1];
            }
        }
        return result;
    }
}
