package dev.roletrail.simulator.evaluate;

import java.time.Instant;
import java.util.List;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;

/** Alerts and findings with only the fields scoring reads, for the scoring tests. */
final class Evidence {

    static final Instant T = Instant.parse("2026-09-20T10:00:00Z");
    static final String USER = "arn:aws:iam::210001000003:user/alice";
    static final String ROLE = "arn:aws:iam::210001000003:role/Developer";
    static final String KEY = "AKIAEXAMPLEEXAMPLE01";

    private Evidence() {
    }

    static Alert alert(String detector, String entity, String principal, String role, String key, Instant first,
            Instant last) {
        return new Alert("id-" + detector + entity + first, detector, entity, Severity.HIGH, "title", "210001000003",
                "eu-west-1", principal, principal, List.of(principal), role, key, "198.51.100.0/24", "aws-cli",
                List.of("e1"), first, last, "baseline", "unusual", List.of("T1078.004"), "act", 1);
    }

    static Alert alertAt(String detector, String entity, Instant at) {
        return alert(detector, entity, "arn:aws:iam::210001000003:user/nobody", null, null, at, at);
    }

    static Finding finding(FindingKind kind, String entity, String subject, FindingStatus status) {
        return new Finding("f-" + kind + entity + subject, kind, status, Severity.MEDIUM, "title", "210001000003",
                entity, "role", subject, T.minusSeconds(86_400 * 90L), T, null, List.of(), "fix", null, null);
    }
}
