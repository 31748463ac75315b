package org.stockcast.model.dataset;

import java.util.Arrays;

/** Open-addressing map from long keys to non-negative ints; put overwrites. Avoids boxing a million keys. */
final class LongIntIndex {
    private static final int ABSENT = -1;

    private final long[] keys;
    private final int[] values;
    private final int mask;
    private final int shift;
    private final int capacityLimit;
    private int size;

    /** Sized for {@code expected} keys at a load factor of at most one half; it does not grow. */
    LongIntIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        this.capacityLimit = capacity / 2 + 1;
    }

    int size() {
        return size;
    }

    void put(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("values must be >= 0");
        }
        int slot = slot(key);
        while (values[slot] != ABSENT) {
            if (keys[slot] == key) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= capacityLimit) {
            throw new IllegalStateException("index sized for fewer keys");
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    /** The value for key, or -1. */
    int get(long key) {
        int slot = slot(key);
        while (values[slot] != ABSENT) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
