package dev.roletrail.streams.detect;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.identity.Observation;

/**
 * What an alert repeats of the event that raised it, and no more: a few hundred bytes where the observation holds the
 * whole CloudTrail record. State that keeps events to judge later ones by, and repartitions that carry them to
 * another task, keep this instead.
 *
 * @param accountId the account the event concerns: its recipient, else the principal's
 * @param origin    the origin of the principal's session chain
 * @param chain     principal ids from the origin to the acting principal
 */
public record EventEvidence(String eventId, Instant eventTime, String accountId, String region, String principal,
        String origin, List<String> chain, String accessKeyId, String network, String userAgent) {

    public EventEvidence {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(principal, "principal");
        chain = List.copyOf(chain);
    }

    public static EventEvidence of(Observation observation) {
        CloudTrailRecord event = observation.event();
        return new EventEvidence(event.eventId(), event.eventTime(),
                event.recipientAccountId() != null ? event.recipientAccountId() : observation.principal().accountId(),
                event.awsRegion(), observation.principal().id(), observation.lineage().origin(),
                observation.lineage().chain(), observation.accessKeyId(), observation.network(), event.userAgent());
    }
}
