package dev.roletrail.streams.federation;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.streams.detect.EventEvidence;

/**
 * A subject first seen while its role, as far as this task had seen, was still learning: kept so that the role's
 * earlier federations, arriving later, can show that the learning period was over when the subject came. In a
 * backfill over several partitions another task can run days ahead, and its subject reach the role's task before the
 * role's first federations do.
 *
 * @param newProvider whether the subject's provider was new to the role then, as far as is known
 * @param evidence    the subject's first assumption of the role
 */
public record PendingSubject(String provider, String subject, boolean newProvider, EventEvidence evidence) {

    public PendingSubject {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(evidence, "evidence");
    }

    public Instant firstAt() {
        return evidence.eventTime();
    }

    /**
     * Another assumption of the role, {@code other}: if by this subject's provider and before this subject's first,
     * the provider was not new then; if by this subject itself and earlier, it is the subject's first.
     */
    PendingSubject seenAt(String otherProvider, String otherSubject, EventEvidence other) {
        if (!provider.equals(otherProvider) || !other.eventTime().isBefore(firstAt())) {
            return this;
        }
        return subject.equals(otherSubject)
                ? new PendingSubject(provider, subject, newProvider, other)
                : new PendingSubject(provider, subject, false, evidence);
    }
}
