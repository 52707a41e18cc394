package dev.roletrail.streams.detect;

import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
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
        return alert(info, severity, entity, EventEvidence.of(observation), role, baseline, unusual);
    }

    /** As the method above, from the evidence kept of the event instead of its observation. */
    public static Alert alert(DetectorInfo info, Severity severity, String entity, EventEvidence event, String role,
            String baseline, String unusual) {
        return new Alert(
                AlertIds.of(info.id(), entity, event.eventId()),
                info.id(),
                entity,
                severity,
                info.title(),
                event.accountId(),
                event.region(),
                event.principal(),
                event.origin(),
                event.chain(),
                role,
                event.accessKeyId(),
                event.network(),
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
