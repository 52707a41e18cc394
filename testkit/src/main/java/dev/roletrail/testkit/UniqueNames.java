package dev.roletrail.testkit;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names unique within this JVM (a counter) and across JVMs sharing a server (a random run id), such as
 * {@code cloudtrail-raw-3f9a2c-7}.
 */
final class UniqueNames {

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** The most characters {@link #next} appends: a dash, the run id, a dash and a counter of up to six digits. */
    static final int MAX_SUFFIX_LENGTH = 1 + RUN_ID.length() + 1 + 6;

    private UniqueNames() {
    }

    static String next(String prefix) {
        return prefix + "-" + RUN_ID + "-" + COUNTER.incrementAndGet();
    }
}
