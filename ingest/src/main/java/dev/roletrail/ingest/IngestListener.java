package dev.roletrail.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hears what the ingester does, for metrics and progress displays. Called on the ingesting thread; implementations
 * must be quick and must not throw.
 */
public interface IngestListener {

    IngestListener NONE = new IngestListener() {
    };

    /** A pass over a source begins. */
    default void passStarted(String source) {
    }

    /** Listing found an object an earlier run already completed. */
    default void objectSkipped(long compressedBytes) {
    }

    /** A transaction committed what {@code committed} describes. */
    default void committed(Committed committed) {
    }

    /** Kafka could not be reached or refused a transaction; the ingester retries after {@code retryIn}. */
    default void kafkaUnavailable(Exception cause, Duration retryIn) {
    }

    /**
     * What one committed transaction covered.
     *
     * @param timestampFallbacks of the records, those whose time came from {@code @timestamp}
     * @param skipped            why each record passed over on purpose was
     */
    record Committed(long objects, long records, long deadLetters, long compressedBytes, List<String> deadLetterReasons,
            Instant newestObjectModified, long timestampFallbacks, List<SkipReason> skipped) {
        public Committed {
            deadLetterReasons = List.copyOf(deadLetterReasons);
            skipped = List.copyOf(skipped);
        }
    }

    /** Tells every listener. */
    static IngestListener all(List<IngestListener> listeners) {
        List<IngestListener> copy = List.copyOf(listeners);
        return new IngestListener() {
            @Override
            public void passStarted(String source) {
                copy.forEach(l -> l.passStarted(source));
            }

            @Override
            public void objectSkipped(long compressedBytes) {
                copy.forEach(l -> l.objectSkipped(compressedBytes));
            }

            @Override
            public void committed(Committed committed) {
                copy.forEach(l -> l.committed(committed));
            }

            @Override
            public void kafkaUnavailable(Exception cause, Duration retryIn) {
                copy.forEach(l -> l.kafkaUnavailable(cause, retryIn));
            }
        };
    }
}
