package dev.roletrail.benchmarks.latency;

import java.util.Arrays;
import java.util.Collection;

/**
 * p50, p99 and the maximum of a set of durations in milliseconds, by nearest rank: the p-th percentile of n sorted
 * values is the ⌈p·n/100⌉-th, so it is always one of the values measured, never an interpolation.
 */
public record Percentiles(int count, long p50, long p99, long max) {

    public static Percentiles of(Collection<Long> millis) {
        if (millis.isEmpty()) {
            throw new IllegalArgumentException("no values to take percentiles of");
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent * (double) sorted.length / 100);
        return sorted[Math.max(rank, 1) - 1];
    }
}
