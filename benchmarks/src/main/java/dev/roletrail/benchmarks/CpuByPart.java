package dev.roletrail.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * CPU time of this JVM's threads between two snapshots, summed by part (S3 server, ingest readers, ingest thread,
 * producer, broker): the broker and the S3 server share the benchmark's cores, so this says whose work a run paid
 * for. What no live Java thread accounts for (garbage collection, the JIT, threads that ended) is "other".
 */
final class CpuByPart {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> startByThread;
    private final long processStart;
    private final long gcMillisStart;
    private final long jitMillisStart;

    private CpuByPart(Map<Long, Long> startByThread, long processStart, long gcMillisStart, long jitMillisStart) {
        this.startByThread = startByThread;
        this.processStart = processStart;
        this.gcMillisStart = gcMillisStart;
        this.jitMillisStart = jitMillisStart;
    }

    static CpuByPart start() {
        return new CpuByPart(snapshot(), IngestBenchmark.processCpuNanos(), gcMillis(), jitMillis());
    }

    /** Milliseconds the JIT has spent compiling since {@link #start()} (elapsed, summed over its threads). */
    long jitMillisSince() {
        return jitMillis() - jitMillisStart;
    }

    /** Milliseconds of CPU per part since {@link #start()}, as one line. */
    String since() {
        Map<String, Long> byPart = new TreeMap<>();
        long accounted = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            long used = cpu - startByThread.getOrDefault(info.getThreadId(), 0L);
            byPart.merge(part(info.getThreadName()), used, Long::sum);
            accounted += used;
        }
        byPart.put("other", IngestBenchmark.processCpuNanos() - processStart - accounted);
        return byPart.entrySet().stream().filter(e -> e.getValue() >= 50_000_000L)
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, "; other includes GC pauses %.1f s and JIT compiling %.1f s (elapsed)",
                        (gcMillis() - gcMillisStart) / 1e3, jitMillisSince() / 1e3);
    }

    private static String part(String thread) {
        if (thread.contains("S3Proxy") || thread.contains("Jetty")) {
            return "S3 server";
        }
        if (thread.startsWith("roletrail-read")) {
            return "ingest readers";
        }
        if (thread.startsWith("roletrail-s3-list")) {
            return "S3 listing";
        }
        if (thread.equals("main")) {
            return "ingest thread";
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "producer I/O";
        }
        return thread.startsWith("kafka-admin") ? "admin" : "broker";
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** Milliseconds the JIT has spent compiling, summed over its threads (elapsed, not CPU). */
    static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        return cpu;
    }
}
