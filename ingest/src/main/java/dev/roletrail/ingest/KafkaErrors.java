package dev.roletrail.ingest;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/** Which Kafka failures no amount of waiting fixes. */
final class KafkaErrors {

    private KafkaErrors() {
    }

    /**
     * Fenced (another ingester with the same transactional id took over), refused credentials or permissions, or a
     * broker too old: retrying would only repeat the failure. Everything else (timeouts, lost connections, aborted
     * transactions) is waited out.
     */
    static boolean isFatal(KafkaException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException
                    || t instanceof AuthenticationException || t instanceof AuthorizationException
                    || t instanceof UnsupportedVersionException || t instanceof InvalidConfigurationException) {
                return true;
            }
        }
        return false;
    }
}
