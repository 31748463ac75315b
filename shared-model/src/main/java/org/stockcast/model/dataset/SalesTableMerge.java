package org.stockcast.model.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merge by (date, product_id), upload wins. Rows of the master keep their position (a replaced row takes the
 * uploaded values in place), new rows are appended in upload order, so a date-ordered master stays mostly
 * ordered. Linear in the sizes of both tables: one hash index over the upload's keys, one pass over the master.
 */
final class SalesTableMerge {
    private SalesTableMerge() {
    }

    static MergeResult merge(SalesTable master, SalesTable upload) {
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

        // sources[k] >= 0: master row; < 0: upload row -(k + 1).
        int[] sources = new int[master.size() + lastRowOfKey.size()];
        int out = 0;
        boolean[] placed = new boolean[uploadSize];
        int updated = 0;
        String[] masterProducts = master.productColumn();
        int[] masterDays = master.epochDayColumn();
        lastProduct = null;
        Integer code = null;
        for (int m = 0; m < master.size(); m++) {
            String product = masterProducts[m];
            if (product != lastProduct) {
                lastProduct = product;
                code = productCodes.get(product);
            }
            int u = code == null ? -1 : lastRowOfKey.get(key(code, masterDays[m]));
            if (u < 0) {
                sources[out++] = m;
            } else if (!placed[u]) {
                placed[u] = true;
                sources[out++] = -(u + 1);
                updated++;
            }
            // else: a second master row with the same key; the uploaded row already replaced the first one.
        }
        int added = 0;
        for (int i = 0; i < uploadSize; i++) {
            if (!placed[i] && lastRowOfKey.get(uploadKeys[i]) == i) {
                sources[out++] = -(i + 1);
                added++;
            }
        }
        return new MergeResult(gather(master, upload, sources, out), uploadSize, added, updated);
    }

    private static long key(int productCode, int epochDay) {
        return ((long) productCode << 32) | (epochDay & 0xFFFF_FFFFL);
    }

    private static SalesTable gather(SalesTable master, SalesTable upload, int[] sources, int size) {
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
            column.setValue(gather(masterExtraSources.get(c), uploadExtraSources.get(c), sources, size));
            c++;
        }
        return new SalesTable(size,
                gather(master.epochDayColumn(), upload.epochDayColumn(), sources, size),
                gather(master.productColumn(), upload.productColumn(), sources, size),
                gather(master.categoryColumn(), upload.categoryColumn(), sources, size),
                gather(master.regionColumn(), upload.regionColumn(), sources, size),
                gather(master.salesColumn(), upload.salesColumn(), sources, size),
                gather(master.priceColumn(), upload.priceColumn(), sources, size),
                gather(master.discountColumn(), upload.discountColumn(), sources, size),
                gather(master.ratingColumn(), upload.ratingColumn(), sources, size),
                extras);
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
