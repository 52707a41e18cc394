package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which usage signals a task has forwarded, on which day of event time each was last forwarded, and the latest use of
 * that day: an open-addressing table in heap of 64-bit hashes of their signatures, 24 bytes a slot, at most half full,
 * plus the latest use of the day not yet forwarded (a reference to a signal already decoded). {@link UsageRecorder}
 * looks up every signal of every event here. As a RocksDB store (unlogged, behind a decoded cache) each lookup encoded
 * the signature as a key and most were misses, since a small organisation's signals are mostly new each day; the
 * lookups, the writes back and the daily scan were about 6 % of the stream threads' samples on the simulator's
 * traffic (JFR).
 * <p>
 * A signature's first use of a day goes out at once (the findings step learns of the use, and of its earliest time);
 * its later uses that day only move the kept latest, which goes out when the day is taken ({@link #takeLatest}), so
 * the findings step also learns when each item was last used: at most two signals a signature a day, instead of one
 * an event.
 * <p>
 * Bounded: past {@code maxEntries} the days before the current one go, and if that is not enough, everything does
 * (the latest uses kept go out with the next day taken); the latest uses kept, to a sixteenth of {@code maxEntries}
 * ({@link #keepsTooMany}). Forgetting only costs signals forwarded again, which the
 * findings step records idempotently; a restart forgets too. Two signatures with the same 64-bit hash would hide the
 * second's use for that day: about 3 chances in 10^8 that any two collide among a million signatures.
 */
final class ForwardedSignals {

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
    /** Event time of the latest use of the slot's day, forwarded or kept. */
    private long[] latestAt = new long[INITIAL_SLOTS];
    /** The slot's latest use of its day when it was not forwarded yet, else null. */
    private UsageSignal[] kept = new UsageSignal[INITIAL_SLOTS];
    /** Latest uses kept by slots the table had to forget, to go out with the next day taken. */
    private final List<UsageSignal> forgottenKept = new ArrayList<>();
    private int size;
    /** Slots with a latest use kept. */
    private int keptCount;

    /** @param maxEntries signatures kept at most (the table holds up to twice as many slots, a power of 2) */
    ForwardedSignals(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Whether to forward {@code signal} (its signature's {@code hash}, of {@code day}, event time {@code at}) now: it
     * is the first with this signature on {@code day} or later (then noted as forwarded on {@code day}), or a use
     * later than any of its day so far on a day before {@code keepFrom}, whose latest was taken already. A later use
     * on a day from {@code keepFrom} on is kept instead, until {@link #takeLatest}. A late signal, of a day before the
     * one noted, or no later than the latest of its day, is no news; so is a later use when {@code signal} is null
     * (only the signature's first use of a day matters).
     */
    boolean offer(long hash, long day, long at, long keepFrom, UsageSignal signal) {
        int slot = find(hash);
        if (hashes[slot] == hash) {
            if (days[slot] > day || days[slot] == day && (signal == null || latestAt[slot] >= at)) {
                return false;
            }
            if (days[slot] == day && day >= keepFrom) {
                latestAt[slot] = at;
                if (kept[slot] == null) {
                    keptCount++;
                }
                kept[slot] = signal;
                return false;
            }
            if (kept[slot] != null) {
                forgottenKept.add(kept[slot]); // an earlier day's latest not taken yet: it still goes out
                keptCount--;
            }
            days[slot] = (int) day;
            latestAt[slot] = at;
            kept[slot] = null;
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
        latestAt[slot] = at;
        size++;
        return true;
    }

    /**
     * The latest uses kept of days before {@code beforeDay} (and any the table had to forget), in event time order;
     * they count as forwarded from now on.
     */
    List<UsageSignal> takeLatest(long beforeDay) {
        List<UsageSignal> taken = new ArrayList<>(forgottenKept);
        forgottenKept.clear();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] != null && days[i] < beforeDay) {
                taken.add(kept[i]);
                kept[i] = null;
                keptCount--;
            }
        }
        taken.sort(Comparator.comparing(UsageSignal::at));
        return taken;
    }

    /** Forgets every signature last forwarded before {@code day}. */
    void forgetBefore(long day) {
        rebuild(hashes.length, day);
    }

    int size() {
        return size;
    }

    /**
     * Whether the latest uses kept reach a sixteenth of {@code maxEntries}: each holds its signal, a few hundred bytes,
     * so a task with many signatures in use takes them early ({@code takeLatest(Long.MAX_VALUE)}) rather than holding
     * them all until the day ends. Taking early costs only a signal more for those used again later that day.
     */
    boolean keepsTooMany() {
        return keptCount + forgottenKept.size() >= Math.max(1, maxEntries / 16);
    }

    private void makeRoom(long day) {
        forgetBefore(day);
        if (size >= maxEntries) {
            for (UsageSignal latest : kept) {
                if (latest != null) {
                    forgottenKept.add(latest);
                }
            }
            Arrays.fill(hashes, EMPTY);
            Arrays.fill(kept, null);
            size = 0;
            keptCount = 0;
        }
    }

    /** A table of {@code slots} slots holding the signatures last forwarded on {@code fromDay} or later. */
    private void rebuild(int slots, long fromDay) {
        long[] oldHashes = hashes;
        int[] oldDays = days;
        long[] oldLatestAt = latestAt;
        UsageSignal[] oldKept = kept;
        hashes = new long[slots];
        days = new int[slots];
        latestAt = new long[slots];
        kept = new UsageSignal[slots];
        size = 0;
        keptCount = 0;
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldHashes[i] == EMPTY) {
                continue;
            }
            if (oldDays[i] < fromDay) {
                if (oldKept[i] != null) {
                    forgottenKept.add(oldKept[i]);
                }
                continue;
            }
            int slot = find(oldHashes[i]);
            hashes[slot] = oldHashes[i];
            days[slot] = oldDays[i];
            latestAt[slot] = oldLatestAt[i];
            kept[slot] = oldKept[i];
            keptCount += oldKept[i] == null ? 0 : 1;
            size++;
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

    /** A hash of {@code signature}'s characters, as {@link UsageSignal#signatureHash()} hashes its fields. */
    static long hash(String signature) {
        return finish(mix(HASH_START, signature));
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
