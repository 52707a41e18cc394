package dev.roletrail.schemas.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A real-time alert for the SOC (topic {@code roletrail.alerts}, key: the alert id).
 *
 * @param id          deterministic: the same detector, entity and evidence always give the same id
 * @param detector    the detector id, e.g. {@code first-time-assumption}
 * @param entity      what the alert is about (a principal, key, role or edge); with the detector it is the
 *                    suppression key: one alert per detector and entity per suppression window
 * @param principal   the acting principal id (see {@code Principal})
 * @param origin      the human or workload at the start of the session chain (the principal itself when direct)
 * @param chain       principals from the origin to the acting principal, in order
 * @param role        the role concerned (e.g. the one assumed), or null
 * @param eventIds    CloudTrail eventIDs that are the evidence
 * @param baseline    what was normal for this entity
 * @param unusual     what broke that baseline
 * @param attack      MITRE ATT&CK technique ids
 * @param action      the suggested next step for an analyst
 * @param count       how many times this alert fired within its suppression window (1 for the first)
 */
public record Alert(
        String id,
        String detector,
        String entity,
        Severity severity,
        String title,
        String account,
        String region,
        String principal,
        String origin,
        List<String> chain,
        String role,
        String accessKeyId,
        String sourceNetwork,
        String userAgent,
        List<String> eventIds,
        Instant firstEventTime,
        Instant lastEventTime,
        String baseline,
        String unusual,
        List<String> attack,
        String action,
        long count) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(firstEventTime, "firstEventTime");
        Objects.requireNonNull(lastEventTime, "lastEventTime");
        chain = chain == null ? List.of() : List.copyOf(chain);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        attack = attack == null ? List.of() : List.copyOf(attack);
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
    }

    /** The key alerts are suppressed by: one alert per detector and entity per window. */
    public String suppressionKey() {
        return detector + "|" + entity;
    }

    /** The same alert having fired {@code total} times, the last time at {@code lastTime}. */
    public Alert withRepeats(long total, Instant lastTime) {
        return new Alert(id, detector, entity, severity, title, account, region, principal, origin, chain, role,
                accessKeyId, sourceNetwork, userAgent, eventIds, firstEventTime, lastTime, baseline, unusual, attack,
                action, total);
    }

    /** The same alert with more said about what was normal. */
    public Alert withBaseline(String newBaseline) {
        return new Alert(id, detector, entity, severity, title, account, region, principal, origin, chain, role,
                accessKeyId, sourceNetwork, userAgent, eventIds, firstEventTime, lastEventTime, newBaseline, unusual,
                attack, action, count);
    }
}
