package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.streams.detect.AlertIds;

/** Builds findings with deterministic ids: the same kind, entity and subject always give the same id. */
final class FindingFactory {

    private FindingFactory() {
    }

    /** What a finding is about. */
    record Target(String account, String entity, String entityType, String subject) {
    }

    static String id(FindingKind kind, String entity, String subject) {
        return AlertIds.of(kind.id(), entity, subject);
    }

    static Finding open(FindingKind kind, Severity severity, String title, Target target, Instant periodStart,
            Instant periodEnd, Instant lastUsed, List<String> evidence, String remediation, ActionUsage actions,
            String policy) {
        return new Finding(id(kind, target.entity(), target.subject()), kind, FindingStatus.OPEN, severity, title,
                target.account(), target.entity(), target.entityType(), target.subject(), periodStart, periodEnd,
                lastUsed, evidence, remediation, actions, policy);
    }

    /** The finding as it stands once the access is used again or gone. */
    static Finding resolved(Finding open, Instant at, String why) {
        List<String> evidence = new ArrayList<>(open.evidence());
        evidence.add(why);
        return new Finding(open.id(), open.kind(), FindingStatus.RESOLVED, open.severity(), open.title(),
                open.account(), open.entity(), open.entityType(), open.subject(), open.periodStart(), at,
                open.lastUsed(), evidence, open.remediation(), open.actions(), open.policy());
    }

    /** Whether two evaluations of a finding say the same thing (the period moves every day; that alone is no news). */
    static boolean sameContent(Finding a, Finding b) {
        return withoutPeriod(a).equals(withoutPeriod(b));
    }

    private static Finding withoutPeriod(Finding f) {
        return new Finding(f.id(), f.kind(), f.status(), f.severity(), f.title(), f.account(), f.entity(),
                f.entityType(), f.subject(), null, Instant.EPOCH, f.lastUsed(), f.evidence(), f.remediation(),
                f.actions(), f.policy());
    }
}
