package dev.roletrail.streams.unused;

import java.util.Arrays;

/**
 * Which usage signals a task has forwarded, and on which day of event time each was last forwarded: an open-addressing
 * table in heap of 64-bit hashes of their signatures, 12 bytes a slot, at most half full. {@link UsageRecorder} looks
 * up every signal of every event here. As a RocksDB store (unlogged, behind a decoded cache) each lookup encoded the
 * signature as a key and most were misses, since a small organisation's signals are mostly new each day; the lookups,
 * the writes back and the daily scan were about 6 % of the stream threads' samples on the simulator's traffic (JFR).
 * <p>
 * Bounded: past {@code maxEntries} the days before the current one go, and if that is not enough, everything does.
 * Forgetting only costs signals forwarded again, which the findings step records idempotently; a restart forgets
 * too. Two signatures with the same 64-bit hash would hide the second's use for that day: about 3 chances in 10^8
 * that any two collide among a million signatures.
 */
final class ForwardedSignals {

    /** A slot's hash when empty; a signature hashing to it is stored as {@link #ZERO_HASH} instead. */
    private static final long EMPTY = 0L;
    private static final long ZERO_HASH = 1L;
    private static final int INITIAL_SLOTS = 1 << 10;

    private final int maxEntries;
    private long[] hashes = new long[INITIAL_SLOTS];
    private int[] days = new int[INITIAL_SLOTS];
    private int size;

    /** @param maxEntries signatures kept at most (the table holds up to twice as many slots, a power of 2) */
    ForwardedSignals(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Whether the signal is the first with this signature on {@code day} or later; if so it is noted as forwarded on
     * {@code day}. A late signal, of a day before the one noted, is not first.
     */
    boolean firstOnDay(String signature, long day) {
        long hash = hash(signature);
        int slot = find(hash);
        if (hashes[slot] == hash) {
            if (days[slot] >= day) {
                return false;
            }
            days[slot] = (int) day;
            return true;
        }
        if (size >= maxEntries) {
            makeRoom(day);
            slot = find(hash);
        }
        if ((size + 1) * 2 > hashes.length) {
            rebuild(hashes.length * 2, Long.MIN_VALUE);
            slot = find(hash);
        }
        hashes[slot] = hash;
        days[slot] = (int) day;
        size++;
        return true;
    }

    /** Forgets every signature last forwarded before {@code day}. */
    void forgetBefore(long day) {
        rebuild(hashes.length, day);
    }

    int size() {
        return size;
    }

    private void makeRoom(long day) {
        forgetBefore(day);
        if (size >= maxEntries) {
            Arrays.fill(hashes, EMPTY);
            size = 0;
        }
    }

    /** A table of {@code slots} slots holding the signatures last forwarded on {@code fromDay} or later. */
    private void rebuild(int slots, long fromDay) {
        long[] oldHashes = hashes;
        int[] oldDays = days;
        hashes = new long[slots];
        days = new int[slots];
        size = 0;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY && oldDays[i] >= fromDay) {
                int slot = find(oldHashes[i]);
                hashes[slot] = oldHashes[i];
                days[slot] = oldDays[i];
                size++;
            }
        }
    }

    /** The slot holding {@code hash}, or the empty slot where it would go (linear probing; never full). */
    private int find(long hash) {
        int mask = hashes.length - 1;
        int slot = (int) hash & mask;
        while (hashes[slot] != EMPTY && hashes[slot] != hash) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** FNV-1a over the characters, then SplitMix64's finaliser, so every bit of the hash depends on every character. */
    static long hash(String signature) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < signature.length(); i++) {
            h = (h ^ signature.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h = h ^ (h >>> 31);
        return h == EMPTY ? ZERO_HASH : h;
    }
}
