package dev.roletrail.streams.siem;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;

/** Alerts and findings for the SIEM mapper tests, and a parser for what the mappers write. */
final class SiemSamples {

    static final String ACCOUNT = "111122223333";
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String ADMIN = "arn:aws:iam::111122223333:role/Admin";
    static final String DEPLOY = "arn:aws:iam::111122223333:role/deploy";
    static final Instant FIRST = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant LAST = Instant.parse("2026-11-20T10:05:00Z");

    private SiemSamples() {
    }

    /** A full alert: every optional field set. */
    static Alert alert(Severity severity, long count, String userAgent) {
        return new Alert("0123456789abcdef0123456789abcdef", "first-time-assumption", ALICE + "|" + ADMIN, severity,
                "alice assumed Admin for the first time", ACCOUNT, "eu-west-1", ALICE, ALICE, List.of(ALICE), ADMIN,
                "AKIAIOSFODNN7EXAMPLE", "203.0.113.0/24", userAgent, List.of("e-1", "e-2"), FIRST, LAST,
                "alice assumed 2 other roles in 21 days", "never assumed Admin before", List.of("T1078.004", "T1098"),
                "Confirm with alice that she meant to assume Admin", count);
    }

    /** An alert with only the required fields. */
    static Alert bareAlert() {
        return new Alert("fedcba9876543210", "root-activity", "root", Severity.CRITICAL, "Root acted", null, null,
                "arn:aws:iam::111122223333:root", null, List.of(), null, null, null, null, List.of(), FIRST, FIRST,
                null, null, List.of(), null, 1);
    }

    static Finding finding(FindingKind kind, FindingStatus status, String entityType, String entity, String subject,
            ActionUsage actions, String policy) {
        return new Finding("f-" + kind.id(), kind, status, Severity.LOW, "Unused access: " + kind.id(), ACCOUNT,
                entity, entityType, subject, Instant.parse("2026-08-27T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z"),
                Instant.parse("2026-07-01T12:00:00Z"), List.of("not used in 90 days", "last used 2026-07-01"),
                "Delete it or tighten it", actions, policy);
    }

    static JsonNode parse(OcsfEvent event) {
        try {
            return Json.mapper().readTree(event.json());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + event.json(), e);
        }
    }
}
