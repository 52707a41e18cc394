package dev.roletrail.streams.unused;

import java.util.Arrays;

/**
 * Which usage signals a task has forwarded, on which day of event time each was last forwarded, and the time of the
 * day's latest use: an open-addressing table in heap of 64-bit hashes of their signatures, 20 bytes a slot, at most
 * half full. {@link UsageRecorder} looks up every signal of every event here. As a RocksDB store (unlogged, behind a
 * decoded cache) each lookup encoded the signature as a key and most were misses, since a small organisation's
 * signals are mostly new each day; the lookups, the writes back and the daily scan were about 6 % of the stream
 * threads' samples on the simulator's traffic (JFR).
 * <p>
 * A signature's first use of a day goes out at once ({@link Verdict#FORWARD}: the findings step learns of the use,
 * and of its earliest time); a later use that day is the day's latest so far ({@link Verdict#LATEST}), which the
 * recorder keeps until the day is over, so the findings step also learns when each item was last used.
 * <p>
 * Bounded: past {@code maxEntries} the days before the current one go, and if that is not enough, everything does.
 * Forgetting only costs signals forwarded again, which the findings step records idempotently; a restart forgets
 * too. Two signatures with the same 64-bit hash would hide the second's use for that day: about 3 chances in 10^8
 * that any two collide among a million signatures.
 */
final class ForwardedSignals {

    /** What to do with a signal offered. */
    enum Verdict {
        /** The first with its signature on its day: forward it now. */
        FORWARD,
        /** Later than any use of its signature on its day so far: the day's latest, to keep until the day is over. */
        LATEST,
        /** No news: a day before the one noted, or no later than the day's latest. */
        NONE
    }

    /** A slot's hash when empty; a signature hashing to it is stored as {@link #ZERO_HASH} instead. */
    private static final long EMPTY = 0L;
    private static final long ZERO_HASH = 1L;
    private static final int INITIAL_SLOTS = 1 << 10;
    /** FNV-1a's offset basis: where a hash fed field by field ({@link #mix}) starts. */
    static final long HASH_START = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final int maxEntries;
    private long[] hashes = new long[INITIAL_SLOTS];
    private int[] days = new int[INITIAL_SLOTS];
    /** Event time of the latest use of the slot's day. */
    private long[] latestAt = new long[INITIAL_SLOTS];
    private int size;

    /** @param maxEntries signatures kept at most (the table holds up to twice as many slots, a power of 2) */
    ForwardedSignals(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * The verdict on a use (its signature's {@code hash}, of {@code day}, event time {@code at}), noted: the first
     * with this signature on {@code day} or a later day, or the latest of its day so far when {@code latestMatters}
     * (else no news: only the signature's first use of a day matters).
     */
    Verdict offer(long hash, long day, long at, boolean latestMatters) {
        int slot = find(hash);
        if (hashes[slot] == hash) {
            if (days[slot] > day || days[slot] == day && (!latestMatters || latestAt[slot] >= at)) {
                return Verdict.NONE;
            }
            Verdict verdict = days[slot] == day ? Verdict.LATEST : Verdict.FORWARD;
            days[slot] = (int) day;
            latestAt[slot] = at;
            return verdict;
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
        latestAt[slot] = at;
        size++;
        return Verdict.FORWARD;
    }

    /**
     * Notes a use of the signature on {@code day} at {@code at} that this table did not see (its latest of the day kept
     * by a task's predecessor), so no earlier use of that day counts as the latest any more. Only for a signature
     * noted on that day.
     */
    void noteLatest(long hash, long day, long at) {
        int slot = find(hash);
        if (hashes[slot] == hash && days[slot] == day && latestAt[slot] < at) {
            latestAt[slot] = at;
        }
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
        long[] oldLatestAt = latestAt;
        hashes = new long[slots];
        days = new int[slots];
        latestAt = new long[slots];
        size = 0;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] != EMPTY && oldDays[i] >= fromDay) {
                int slot = find(oldHashes[i]);
                hashes[slot] = oldHashes[i];
                days[slot] = oldDays[i];
                latestAt[slot] = oldLatestAt[i];
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

    /** FNV-1a over a field's characters and a separator (NUL) after them; null is U+FFFF, which no field holds. */
    static long mix(long h, String field) {
        if (field == null) {
            return step(step(h, '\uFFFF'), '\u0000');
        }
        for (int i = 0; i < field.length(); i++) {
            h = step(h, field.charAt(i));
        }
        return step(h, '\u0000');
    }

    static long mix(long h, int field) {
        return step(step(step(h, (char) (field >>> 16)), (char) field), '\u0000');
    }

    private static long step(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** SplitMix64's finaliser, so every bit of the hash depends on every character; never {@link #EMPTY}. */
    static long finish(long h) {
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h = h ^ (h >>> 31);
        return h == EMPTY ? ZERO_HASH : h;
    }
}
