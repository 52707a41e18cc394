package dev.roletrail.streams.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.ActionUsage;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.finding.FindingStatus;
import dev.roletrail.schemas.identity.CredentialKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityKind;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.streams.profile.AccessEdge;

/** A small organisation's week, with attacker-controlled strings where CloudTrail lets an attacker choose them. */
public final class ReportSamples {

    public static final IsoWeek WEEK = IsoWeek.parse("2026-W47");
    public static final Instant GENERATED = Instant.parse("2026-11-23T06:00:00Z");
    public static final String PROD = "111122223333";
    public static final String VENDOR = "999988887777";
    public static final String ALICE = "arn:aws:iam::" + PROD + ":user/alice";
    public static final String CI = "arn:aws:iam::" + PROD + ":role/ci-deploy";
    public static final String ADMIN = "arn:aws:iam::" + PROD + ":role/Admin";
    public static final String READER = "arn:aws:iam::" + PROD + ":role/ReadOnly";
    public static final String LEGACY = "arn:aws:iam::" + PROD + ":role/LegacyReporting";
    public static final String VENDOR_ROLE = "arn:aws:iam::" + VENDOR + ":role/VendorAccess";
    public static final String BREAK_GLASS = "arn:aws:iam::" + PROD + ":role/BreakGlass";

    /** Hostile values: HTML, attribute break-out, Markdown link and pipe injection, spreadsheet formulas. */
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "\"><img src=x onerror=alert(2)>";
    public static final String MD_LINK = "[click me](https://evil.example/x) | injected | ![i](https://evil.example/i.png)";
    public static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"x\")";
    public static final List<String> FORMULA_STARTS = List.of("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd");
    public static final String FENCE_BREAK = "```\n<script>alert(3)</script>\n```";

    private ReportSamples() {
    }

    public static Finding finding(String id, FindingKind kind, String entity, String subject, List<String> evidence) {
        return new Finding(id, kind, FindingStatus.OPEN, Severity.MEDIUM, "title of " + id, PROD, entity, "role",
                subject, WEEK.start().minusSeconds(90L * 86_400), WEEK.end(), Instant.parse("2026-08-01T10:00:00Z"),
                evidence, "Remove it " + SCRIPT, null, null);
    }

    public static List<Finding> findings() {
        Finding unusedRole = finding("f-1", FindingKind.UNUSED_ROLE, LEGACY, null,
                List.of("session name " + SCRIPT, "user agent " + IMG));
        Finding trust = finding("f-2", FindingKind.UNUSED_TRUST_PATH, READER, MD_LINK, List.of(FORMULA));
        Finding dormant = finding("f-3", FindingKind.DORMANT_KEY, "AKIAEXAMPLE000000001", null,
                FORMULA_STARTS);
        Finding permissions = new Finding("f-4", FindingKind.UNUSED_PERMISSIONS, FindingStatus.OPEN, Severity.LOW,
                "Unused permissions", PROD, CI, "role", null, WEEK.start(), WEEK.end(), null, List.of(),
                "Remove the unused actions", new ActionUsage(List.of("s3:GetObject"), List.of("iam:PassRole"),
                        List.of("s3:PutObject")), null);
        Finding policy = new Finding("f-5", FindingKind.LEAST_PRIVILEGE_POLICY, FindingStatus.OPEN,
                Severity.INFORMATIONAL, "Least privilege", PROD, CI, "role", null, WEEK.start(), WEEK.end(), null,
                List.of(), "Attach this policy", null,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],"
                        + "\"Resource\":\"*\",\"Sid\":\"" + FENCE_BREAK.replace("\n", "\\n").replace("\"", "\\\"")
                        + "\"}]}");
        Finding resolved = new Finding("f-6", FindingKind.UNUSED_ROLE, FindingStatus.RESOLVED, Severity.MEDIUM,
                "resolved", PROD, READER, "role", null, WEEK.start(), WEEK.end(), null, List.of(), null, null, null);
        return List.of(unusedRole, trust, dormant, permissions, policy, resolved);
    }

    public static List<AccessEdge> edges() {
        return List.of(
                new AccessEdge(ALICE, ADMIN, "AssumeRole", false, Instant.parse("2026-10-01T09:00:00Z"),
                        Instant.parse("2026-11-20T09:30:00Z"), 42),
                new AccessEdge(ALICE, VENDOR_ROLE, "AssumeRole", true, Instant.parse("2026-11-18T14:00:00Z"),
                        Instant.parse("2026-11-18T14:00:00Z"), 1),
                new AccessEdge(CI, READER, "AssumeRole", false, Instant.parse("2026-09-01T00:00:00Z"),
                        Instant.parse("2026-11-22T23:00:00Z"), 310),
                new AccessEdge("web-identity:token.actions.githubusercontent.com/" + SCRIPT, CI,
                        "AssumeRoleWithWebIdentity", false, Instant.parse("2026-09-01T00:00:00Z"),
                        Instant.parse("2026-11-21T10:00:00Z"), 77),
                new AccessEdge(ALICE, READER, "AssumeRole", false, Instant.parse("2026-11-30T00:00:00Z"),
                        Instant.parse("2026-11-30T00:00:00Z"), 1));
    }

    public static Alert alert(String id, Instant at, String userAgent) {
        return new Alert(id, "first-time-assumption", ALICE + "|" + VENDOR_ROLE, Severity.HIGH,
                "Role assumed for the first time", PROD, "eu-west-1", ALICE, ALICE, List.of(ALICE), VENDOR_ROLE,
                null, "203.0.113.0/24", userAgent, List.of("e-" + id), at, at, "baseline", "unusual",
                List.of("T1078.004"), "Check with " + MD_LINK, 1);
    }

    public static List<Alert> alerts() {
        return List.of(alert("a-1", Instant.parse("2026-11-18T14:00:00Z"), IMG),
                alert("a-2", Instant.parse("2026-11-10T14:00:00Z"), "old week"));
    }

    public static ReportInputs inputs() {
        return inputs(null);
    }

    /** The same, RoleTrail's observations reaching back to {@code observedSince}. */
    public static ReportInputs inputs(Instant observedSince) {
        return new ReportInputs(findings(), edges(), alerts(), observedSince, identities());
    }

    public static final String CI_BOT = "arn:aws:iam::" + PROD + ":user/ci-bot";
    public static final String CI_BOT_KEY = "AKIAEXAMPLE000000002";
    public static final String OPS_SHARED = "arn:aws:iam::" + PROD + ":user/ops-shared";
    public static final String GITHUB_SUBJECT = "web-identity:token.actions.githubusercontent.com/" + SCRIPT;

    public static Identity identity(String id, IdentityType type, String account, IdentityKind kind,
            CredentialKind credential, String owner, String ownerSource, List<String> evidence) {
        return identity(id, type, account, kind, credential, owner, ownerSource, null, evidence);
    }

    /** @param ownerGone why the owner is gone, as the findings pass says it (it is an evidence line too) */
    public static Identity identity(String id, IdentityType type, String account, IdentityKind kind,
            CredentialKind credential, String owner, String ownerSource, String ownerGone, List<String> evidence) {
        List<String> lines = new java.util.ArrayList<>(evidence);
        if (ownerGone != null) {
            lines.add(ownerGone);
        }
        return new Identity(id, type, account, null, kind, lines, owner, ownerSource, ownerGone, credential,
                Instant.parse("2024-03-01T10:00:00Z"), Instant.parse("2026-09-01T08:00:00Z"),
                Instant.parse("2026-11-21T10:15:00Z"), null, 2, 1, List.of(READER), List.of(READER), GENERATED);
    }

    /**
     * The inventory: a workload user with its key (the key without an owner), a role whose owner has left, a CI
     * subject whose creator is hostile, an external account without an owner, and a mixed user whose owner is an
     * inactive IAM user. Owners and evidence carry hostile strings.
     */
    public static List<Identity> identities() {
        Identity bot = identity(CI_BOT, IdentityType.IAM_USER, PROD, IdentityKind.WORKLOAD,
                CredentialKind.LONG_LIVED_KEY, "team-platform", "tag:team", List.of("SDK client only"));
        Identity key = new Identity(CI_BOT_KEY, IdentityType.ACCESS_KEY, PROD, CI_BOT, IdentityKind.WORKLOAD,
                List.of("user agent " + SCRIPT, "calls around the clock"), null, null, null,
                CredentialKind.LONG_LIVED_KEY,
                null, Instant.parse("2026-09-01T08:00:00Z"), Instant.parse("2026-11-22T03:00:00Z"), null, 5, 2,
                List.of(READER, ADMIN), List.of(READER, ADMIN), GENERATED);
        Identity legacy = identity(LEGACY, IdentityType.ROLE, PROD, IdentityKind.WORKLOAD,
                CredentialKind.TEMPORARY_ONLY, "bob@example.com", "tag:owner", "names no IAM user: the person has left",
                List.of("SDK client only"));
        Identity subject = identity(GITHUB_SUBJECT, IdentityType.FEDERATED_SUBJECT, PROD,
                IdentityKind.FEDERATED_WORKLOAD, CredentialKind.TEMPORARY_ONLY, IMG, "creator",
                List.of("OIDC subject " + MD_LINK));
        Identity vendor = identity(Identity.externalAccountId(VENDOR), IdentityType.EXTERNAL_ACCOUNT, VENDOR,
                IdentityKind.EXTERNAL, CredentialKind.TEMPORARY_ONLY, null, null, List.of(FORMULA));
        Identity shared = identity(OPS_SHARED, IdentityType.IAM_USER, PROD, IdentityKind.MIXED,
                CredentialKind.PASSWORD_AND_LONG_LIVED_KEY, FORMULA, "tag:Owner", "owner arn:aws:iam::" + PROD
                        + ":user/carol has not signed in or used a key since 2026-05-01",
                List.of("console sign-ins and SDK calls"));
        return List.of(bot, key, legacy, subject, vendor, shared);
    }

    /**
     * A week with a break-glass role (unused, then assumed: a CRITICAL alert) and a role with many unused permissions
     * over three services.
     */
    public static WeeklyReport breakGlassReport() {
        Instant began = Instant.parse("2026-08-01T00:00:00Z");
        Finding breakGlassUnused = new Finding("bg-1", FindingKind.UNUSED_ROLE, FindingStatus.OPEN, Severity.MEDIUM,
                "Role not used in the last 90 days", PROD, BREAK_GLASS, "role", null, began, WEEK.start(), null,
                List.of("created 2025-01-01, last used never"), "Delete the role", null, null);
        Finding breakGlassPermissions = new Finding("bg-2", FindingKind.UNUSED_PERMISSIONS, FindingStatus.OPEN,
                Severity.MEDIUM, "Granted permissions unused", PROD, BREAK_GLASS, "role", null, began, WEEK.start(),
                null, List.of(), "Remove the unused actions", new ActionUsage(List.of(), List.of("iam:CreateUser"),
                        List.of()), null);
        Finding wide = new Finding("up-1", FindingKind.UNUSED_PERMISSIONS, FindingStatus.OPEN, Severity.MEDIUM,
                "Granted permissions unused", PROD, CI, "role", null, began, WEEK.start(), null,
                List.of("7 granted actions unused in the last 90 days, 1 used"), "Remove the unused actions",
                new ActionUsage(List.of("s3:ListAllMyBuckets"), List.of("ec2:DescribeInstances",
                        "ec2:TerminateInstances", "iam:CreateUser", "iam:PutRolePolicy", "s3:DeleteBucket",
                        "s3:GetObject", "s3:ListBucket"), List.of("s3:GetObject")), null);
        Alert assumed = new Alert("a-bg", "sensitive-role-assumed", ALICE + " -> " + BREAK_GLASS, Severity.CRITICAL,
                "Sensitive role assumed", PROD, "eu-west-1", ALICE, ALICE, List.of(ALICE), BREAK_GLASS, null,
                "203.0.113.0/24", "aws-cli/2.15", List.of("e-bg"), Instant.parse("2026-11-19T03:00:00Z"),
                Instant.parse("2026-11-19T03:00:00Z"), "break-glass role: every assumption is reported",
                "AssumeRole of " + BREAK_GLASS + " by " + ALICE + ", origin " + ALICE, List.of("T1078.004"),
                "Confirm with the origin identity's owner that the role was needed now " + SCRIPT, 1);
        List<AccessEdge> edges = List.of(new AccessEdge(ALICE, BREAK_GLASS, "AssumeRole", false,
                Instant.parse("2026-11-19T03:00:00Z"), Instant.parse("2026-11-19T03:00:00Z"), 1),
                edges().get(0));
        return ReportBuilder.build(WEEK, GENERATED, new ReportInputs(List.of(breakGlassUnused, breakGlassPermissions,
                wide), edges, List.of(assumed), began), Map.of()).get(0);
    }

    /** The organisation's report of {@link #WEEK}, with a previous week to compare with. */
    public static WeeklyReport orgReport() {
        WeeklyReport previous = ReportBuilder.build(WEEK.previous(), GENERATED.minusSeconds(7 * 86_400),
                new ReportInputs(findings().subList(0, 1), edges().subList(0, 1), List.of()), Map.of()).get(0);
        return ReportBuilder.build(WEEK, GENERATED, inputs(), Map.of(WeeklyReport.ORG, previous)).get(0);
    }
    /**
     * A generated organisation of 300 roles over 12 accounts, each role assumed by three of 40 engineers of its
     * account: 900 paths, far more than the graph draws.
     */
    public static List<AccessEdge> largeOrgEdges() {
        List<AccessEdge> edges = new java.util.ArrayList<>();
        for (int r = 0; r < 300; r++) {
            String account = String.format(java.util.Locale.ROOT, "%012d", 100_000_000_000L + r % 12);
            String role = "arn:aws:iam::" + account + ":role/team-" + r + "/service-role-with-a-long-name-" + r;
            for (int a = 0; a < 3; a++) {
                String assumer = "arn:aws:iam::" + account + ":user/engineer-" + (r * 7 + a) % 40;
                edges.add(new AccessEdge(assumer, role, "AssumeRole", false, WEEK.start().minusSeconds(86_400L * 10),
                        WEEK.start().plusSeconds(r + a), 1 + (r * 31L + a * 17L) % 97));
            }
        }
        return edges;
    }

    /**
     * The organisation's report of {@link #WEEK} for {@link #largeOrgEdges()}, with a generated week of alerts and
     * findings opened over the weeks before: observations began six weeks before, and a report was published four
     * weeks before, so the trend has weeks not known, reported and estimated.
     */
    public static WeeklyReport largeOrgReport() {
        Instant began = WEEK.minusWeeks(6).start().plusSeconds(3 * 86_400L);
        WeeklyReport published = ReportBuilder.build(WEEK.minusWeeks(4), GENERATED.minusSeconds(28 * 86_400L),
                new ReportInputs(largeOrgFindings().subList(0, 20), List.of(), List.of(), began), Map.of()).get(0);
        return ReportBuilder.build(WEEK, GENERATED, new ReportInputs(largeOrgFindings(), largeOrgEdges(),
                largeOrgAlerts(), began), List.of(published), ReportSettings.defaults()).get(0);
    }

    /** Alerts of the 300-role organisation's week: more on some days, of every severity, on no drawn path. */
    public static List<Alert> largeOrgAlerts() {
        List<Alert> alerts = new java.util.ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < 90; i++) {
            int day = (i * i) % 7;
            Instant at = WEEK.start().plusSeconds(86_400L * day + 600L * i);
            String account = String.format(java.util.Locale.ROOT, "%012d", 100_000_000_000L + i % 12);
            String principal = "arn:aws:iam::" + account + ":user/engineer-" + i % 40;
            alerts.add(new Alert("large-" + i, i % 3 == 0 ? "new-network-for-key" : "first-time-assumption",
                    principal, severities[(i * 7) % 5], "Generated alert " + i, account,
                    "eu-west-1", principal, principal, List.of(principal), null, null, "203.0.113.0/24", "aws-cli/2",
                    List.of("e-" + i), at, at, "baseline", "unusual", List.of(), "Check", 1 + i % 4));
        }
        return alerts;
    }

    /** Findings of the 300-role organisation opened (and some resolved) over the weeks before {@link #WEEK}. */
    public static List<Finding> largeOrgFindings() {
        List<Finding> findings = new java.util.ArrayList<>();
        FindingKind[] kinds = {FindingKind.UNUSED_ROLE, FindingKind.UNUSED_PERMISSIONS, FindingKind.UNUSED_TRUST_PATH,
                FindingKind.DORMANT_KEY, FindingKind.INACTIVE_USER};
        for (int i = 0; i < 30; i++) {
            int r = i * 10;
            String account = String.format(java.util.Locale.ROOT, "%012d", 100_000_000_000L + r % 12);
            String role = "arn:aws:iam::" + account + ":role/team-" + r + "/service-role-with-a-long-name-" + r;
            FindingKind kind = kinds[i % kinds.length];
            Instant evaluated = WEEK.end().minusSeconds(7 * 86_400L * (i % 7) + 3_600);
            FindingStatus status = i % 9 == 0 ? FindingStatus.RESOLVED : FindingStatus.OPEN;
            findings.add(new Finding("large-f-" + r, kind, status, i % 4 == 0 ? Severity.HIGH : Severity.MEDIUM,
                    "Generated " + kind.id(), account, role, "role", null, evaluated.minusSeconds(90 * 86_400L),
                    evaluated, null, List.of("generated"), "Remove it", null, null));
        }
        return findings;
    }

    /**
     * A week whose riskiest items are made of hostile values wherever CloudTrail or a finding's content lets an
     * attacker choose them: titles, detectors, principals, entities, accounts.
     */
    public static WeeklyReport hostileRiskiestReport() {
        Alert a = alert("h-1", Instant.parse("2026-11-18T14:00:00Z"), IMG);
        Alert hostile = new Alert(a.id(), IMG, a.entity(), Severity.CRITICAL, SCRIPT + " " + MD_LINK, FORMULA,
                a.region(), MD_LINK + SCRIPT, a.origin(), a.chain(), null, null, a.sourceNetwork(), a.userAgent(),
                a.eventIds(), a.firstEventTime(), a.lastEventTime(), a.baseline(), a.unusual(), a.attack(), a.action(),
                1);
        Finding finding = new Finding("h-2", FindingKind.DORMANT_KEY, FindingStatus.OPEN, Severity.HIGH,
                MD_LINK + " " + FENCE_BREAK, "=1+1", "AKIA" + SCRIPT, "access-key", null, null, WEEK.start(), null,
                List.of(), null, null, null);
        return ReportBuilder.build(WEEK, GENERATED, new ReportInputs(List.of(finding), List.of(), List.of(hostile)),
                Map.of()).get(0);
    }
}
