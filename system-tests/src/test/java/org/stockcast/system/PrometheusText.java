package org.stockcast.system;

import java.util.ArrayList;
import java.util.List;

/** Sums samples of one metric in the Prometheus text exposition format, optionally filtered by a label. */
final class PrometheusText {
    private PrometheusText() {
    }

    /** Sum of every sample of {@code name} whose label set contains {@code labelFilter} (e.g. reason="EXTRA_FILE"). */
    static double sum(String exposition, String name, String labelFilter) {
        double total = 0;
        for (String line : samples(exposition, name)) {
            if (labelFilter == null || line.contains(labelFilter)) {
                total += Double.parseDouble(valueOf(line));
            }
        }
        return total;
    }

    /** Label sets of {@code name} whose value grew between two scrapes, e.g. {@code reason="extra_file"}. */
    static List<String> grown(String before, String after, String name) {
        java.util.Map<String, Double> old = new java.util.HashMap<>();
        for (String line : samples(before, name)) {
            old.put(labels(line), Double.parseDouble(valueOf(line)));
        }
        List<String> out = new ArrayList<>();
        for (String line : samples(after, name)) {
            if (Double.parseDouble(valueOf(line)) > old.getOrDefault(labels(line), 0.0)) {
                out.add(labels(line));
            }
        }
        return out;
    }

    private static String labels(String line) {
        int open = line.indexOf('{');
        int close = line.lastIndexOf('}');
        return open < 0 || close < open ? "" : line.substring(open + 1, close);
    }

    static List<String> samples(String exposition, String name) {
        List<String> out = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                out.add(line);
            }
        }
        return out;
    }

    private static String valueOf(String line) {
        // name{labels} value [timestamp]; label values may contain spaces, so cut after the closing brace.
        int brace = line.lastIndexOf('}');
        String rest = (brace >= 0 ? line.substring(brace + 1) : line.substring(line.indexOf(' '))).trim();
        return rest.split("\\s+")[0];
    }
}
