package org.rebond.vocabulary;

/**
 * Counts by 64-bit key in bounded memory: an open-addressing hash table of primitive longs and
 * ints (a million phrases cost a few arrays, not a million boxed entries) that grows up to
 * {@code maxSlots} slots and then, when half full, forgets its rarest keys (lossy counting, after
 * Manku and Motwani): the keys counted once, then twice if that freed too little. A count is then
 * at most a few uses low, and only for keys that are rare anyway. Not thread-safe while it is
 * filled; read-only once handed to a {@link Background}.
 */
final class LongIntMap {

    private static final long EMPTY = 0L;
    /** The key that stands for 0, which marks an empty slot. */
    private static final long ZERO_KEY = 0x9E3779B97F4A7C15L;

    private final int maxSlots;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    /** Counts at or under this were forgotten at least once. */
    private int forgotten;

    /**
     * @param initialSlots the first capacity (rounded up to a power of two)
     * @param maxSlots     the largest capacity (a power of two): 12 bytes a slot
     */
    LongIntMap(int initialSlots, int maxSlots) {
        if (Integer.bitCount(maxSlots) != 1) {
            throw new IllegalArgumentException("maxSlots must be a power of two: " + maxSlots);
        }
        this.maxSlots = maxSlots;
        int capacity = Math.min(maxSlots, Integer.highestOneBit(Math.max(16, initialSlots - 1)) << 1);
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code n} to the count of {@code key}. */
    void add(long key, int n) {
        long k = key == EMPTY ? ZERO_KEY : key;
        int slot = slot(k);
        while (true) {
            long there = keys[slot];
            if (there == k) {
                values[slot] += n;
                return;
            }
            if (there == EMPTY) {
                keys[slot] = k;
                values[slot] = n;
                if (++size * 2 > keys.length) {
                    if (keys.length < maxSlots) {
                        rehash(keys.length * 2, 0);
                    } else {
                        forgetTheRarest();
                    }
                }
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The count of {@code key}, 0 when never added (or forgotten). */
    int get(long key) {
        long k = key == EMPTY ? ZERO_KEY : key;
        int slot = slot(k);
        while (true) {
            long there = keys[slot];
            if (there == k) {
                return values[slot];
            }
            if (there == EMPTY) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** The highest count forgotten: a count read may be this much too low (0 when nothing was forgotten). */
    int forgotten() {
        return forgotten;
    }

    /** Drops the keys counted once (then twice...) until at most three eighths of the slots are used. */
    private void forgetTheRarest() {
        do {
            forgotten++;
            rehash(keys.length, forgotten);
        } while (size * 8 > keys.length * 3);
    }

    private void rehash(int capacity, int dropAtOrUnder) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldValues[i] > dropAtOrUnder) {
                int slot = slot(oldKeys[i]);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                size++;
            }
        }
    }

    private int slot(long k) {
        long h = k * 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 31)) & mask;
    }
}
