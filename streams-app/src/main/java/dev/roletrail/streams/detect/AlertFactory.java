package dev.roletrail.streams.detect;

import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.identity.Observation;

/**
 * Builds alerts from an observation: the fields every alert shares (account, region, principal, origin and chain,
 * key, network, user agent, evidence, times, ATT&CK, runbook) come from here, so a detector states only what is
 * particular to it. The id is deterministic: detector, entity and the evidence event.
 */
public final class AlertFactory {

    private AlertFactory() {
    }

    /**
     * @param entity   what the alert is about; with the detector id it is the suppression key
     * @param role     the role concerned, or null
     * @param baseline what was normal for the entity
     * @param unusual  what broke it
     */
    public static Alert alert(DetectorInfo info, Severity severity, String entity, Observation observation,
            String role, String baseline, String unusual) {
        CloudTrailRecord event = observation.event();
        return new Alert(
                AlertIds.of(info.id(), entity, event.eventId()),
                info.id(),
                entity,
                severity,
                info.title(),
                event.recipientAccountId() != null ? event.recipientAccountId() : observation.principal().accountId(),
                event.awsRegion(),
                observation.principal().id(),
                observation.lineage().origin(),
                observation.lineage().chain(),
                role,
                observation.accessKeyId(),
                observation.network(),
                event.userAgent(),
                List.of(event.eventId()),
                event.eventTime(),
                event.eventTime(),
                baseline,
                unusual,
                info.attack(),
                info.runbook(),
                1);
    }
}
