package dev.roletrail.schemas.finding;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.alert.Severity;

/**
 * A finding of unused or dormant access over the tracking period (topic {@code roletrail.findings}, compacted, key:
 * the finding id). Times are event time.
 *
 * @param id           deterministic: the same kind, entity and subject always give the same id, so a newer
 *                     evaluation replaces the older one on the compacted topic
 * @param entity       what the finding is about: a role or user ARN, or an access key id
 * @param entityType   {@code role}, {@code user} or {@code access-key}
 * @param subject      the second party where the kind has one (the trusted principal of an unused trust path, the
 *                     assumer of a per-assumer least-privilege policy), or null
 * @param periodStart  start of the tracking period the finding was evaluated over
 * @param periodEnd    end of it: the stream time of the evaluation
 * @param lastUsed     the last observed use, or null when never seen
 * @param evidence     short facts that support the finding, one per line
 * @param remediation  the suggested fix
 * @param actions      for {@code unused-permissions} and {@code least-privilege-policy}: granted actions by usage
 * @param policy       for {@code least-privilege-policy}: the generated IAM policy document as JSON
 */
public record Finding(
        String id,
        FindingKind kind,
        FindingStatus status,
        Severity severity,
        String title,
        String account,
        String entity,
        String entityType,
        String subject,
        Instant periodStart,
        Instant periodEnd,
        Instant lastUsed,
        List<String> evidence,
        String remediation,
        ActionUsage actions,
        String policy) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(periodEnd, "periodEnd");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
