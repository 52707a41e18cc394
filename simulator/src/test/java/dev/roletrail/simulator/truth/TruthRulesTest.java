package dev.roletrail.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.simulator.org.Habit;
import dev.roletrail.simulator.org.RoleKind;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;

/** Each finding kind's truth: a case that should be open and one that should not. */
class TruthRulesTest {

    private static final String ACCOUNT = "210001000003";
    private static final String ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    /** The evaluation: the day after the newest event of every trail below. */
    private static final Instant AT = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant T0 = AT.minus(Duration.ofDays(90));
    private static final Instant RECENT = Instant.parse("2026-09-30T10:00:00Z");
    private static final Instant LONG_AGO = T0.minus(Duration.ofDays(30));
    private static final TruthSettings SETTINGS = TruthSettings.defaults();

    private final TrailUse trail = new TrailUse();

    @Test
    void shouldExpectAnUnusedRoleOnlyWhenNothingAssumedItInThePeriod() {
        SimRole unused = role("Legacy", RoleKind.UNUSED, List.of(ROOT), List.of("s3:GetObject"));
        SimRole used = role("Developer", RoleKind.SAME_ACCOUNT, List.of(ROOT), List.of("s3:GetObject"));
        trail.observe(assume(user("alice"), used.arn(), RECENT, "ASIAALICEDEV"));

        assertThat(kinds(roleTruth(unused))).containsExactly(FindingKind.UNUSED_ROLE);
        assertThat(kinds(roleTruth(used))).doesNotContain(FindingKind.UNUSED_ROLE);
    }

    @Test
    void shouldExpectAnUnusedTrustPathForATrustedPrincipalThatDidNotAssumeTheRole() {
        String vendor = "arn:aws:iam::904000000001:root";
        SimRole role = role("VendorAudit", RoleKind.VENDOR, List.of(ROOT, vendor), List.of("s3:GetObject"));
        trail.observe(assume(user("alice"), role.arn(), RECENT, "ASIAALICEVENDOR"));

        assertThat(roleTruth(role)).filteredOn(f -> f.kind() == FindingKind.UNUSED_TRUST_PATH)
                .extracting(ExpectedFinding::subject).as("the account covers alice; the vendor never came")
                .containsExactly(vendor);
    }

    @Test
    void shouldExpectUnusedPermissionsForAWildcardOrALoggedActionNotUsedButNotForDataEvents() {
        SimRole wildcard = role("Dev", RoleKind.SAME_ACCOUNT, List.of(ROOT), List.of("s3:*"));
        SimRole logged = role("Web", RoleKind.EC2_SERVICE, List.of(ROOT), List.of("s3:GetObject", "kms:Decrypt"));
        SimRole dataOnly = role("Data", RoleKind.EC2_SERVICE, List.of(ROOT), List.of("s3:GetObject", "kms:Decrypt"));
        for (SimRole role : List.of(wildcard, logged, dataOnly)) {
            trail.observe(assume(user("alice"), role.arn(), RECENT, "ASIA" + role.name().toUpperCase()));
        }
        trail.observe(call(session(dataOnly, "ASIADATA"), "kms.amazonaws.com", "Decrypt", RECENT));

        assertThat(kinds(roleTruth(wildcard))).contains(FindingKind.UNUSED_PERMISSIONS);
        assertThat(kinds(roleTruth(logged))).as("kms:Decrypt is logged and unused").contains(
                FindingKind.UNUSED_PERMISSIONS);
        assertThat(kinds(roleTruth(dataOnly))).as("s3:GetObject is a data event: unused cannot be told")
                .doesNotContain(FindingKind.UNUSED_PERMISSIONS);
    }

    @Test
    void shouldExpectNoPerActionFindingWhenTheTrailStartsAfterThePeriodStarts() {
        SimRole role = role("Dev", RoleKind.SAME_ACCOUNT, List.of(ROOT, "arn:aws:iam::904000000001:root"),
                List.of("s3:*"));
        trail.observe(assume(user("alice"), role.arn(), RECENT, "ASIAALICE"));

        assertThat(TruthRules.role(role, true, false, trail.snapshot(), T0, SETTINGS)).isEmpty();
    }

    @Test
    void shouldExpectASharedRoleWhenEnoughOriginsAssumeIt() {
        SimRole shared = role("SharedOps", RoleKind.SAME_ACCOUNT, List.of(ROOT), List.of("s3:*"));
        SimRole team = role("Team", RoleKind.SAME_ACCOUNT, List.of(ROOT), List.of("s3:*"));
        for (String name : List.of("a", "b", "c", "d", "e")) {
            trail.observe(assume(user(name), shared.arn(), RECENT, "ASIASHARED" + name.toUpperCase()));
        }
        trail.observe(assume(user("a"), team.arn(), RECENT, "ASIATEAM"));

        assertThat(kinds(roleTruth(shared))).contains(FindingKind.SHARED_ROLE);
        assertThat(kinds(roleTruth(team))).doesNotContain(FindingKind.SHARED_ROLE);
    }

    @Test
    void shouldExpectMfaNotRequiredForABreakGlassRoleButNotForTheAdminRoleThatRequiresIt() {
        SimRole breakGlass = role("BreakGlassAccess", RoleKind.BREAK_GLASS, List.of(ROOT), List.of("*"));
        SimRole admin = role("OrgAdmin", RoleKind.ADMIN, List.of(ROOT), List.of("*"));

        assertThat(kinds(roleTruth(breakGlass))).contains(FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE);
        assertThat(kinds(roleTruth(admin))).doesNotContain(FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE);
    }

    @Test
    void shouldExpectAnInactiveUserOnlyWhenOldAndSilentInThePeriod() {
        SimUser silent = simUser("former", LONG_AGO.minus(Duration.ofDays(100)));
        SimUser young = simUser("newcomer", T0.plus(Duration.ofDays(10)));
        SimUser active = simUser("alice", LONG_AGO);
        trail.observe(call(identity(active), "sts.amazonaws.com", "GetCallerIdentity", RECENT));

        assertThat(TruthRules.user(silent, true, trail.snapshot(), T0)).extracting(ExpectedFinding::kind)
                .containsExactly(FindingKind.INACTIVE_USER);
        assertThat(TruthRules.user(young, true, trail.snapshot(), T0)).as("younger than the period").isEmpty();
        assertThat(TruthRules.user(active, true, trail.snapshot(), T0)).extracting(ExpectedFinding::kind)
                .as("active; s3:ListAllMyBuckets granted, logged, not used").containsExactly(
                        FindingKind.UNUSED_PERMISSIONS);
    }

    @Test
    void shouldExpectADormantKeyWhenUnusedForTheDormancyAndRotationWhenOlderThanTheLimit() {
        SimUser dormant = simUser("legacy", LONG_AGO.minus(Duration.ofDays(200)));
        SimUser fresh = simUser("newcomer", AT.minus(Duration.ofDays(20)));
        trail.observe(call(identity(dormant), "s3.amazonaws.com", "ListBuckets", LONG_AGO));
        trail.observe(call(identity(fresh), "s3.amazonaws.com", "ListBuckets", RECENT));

        assertThat(TruthRules.key(dormant, trail.snapshot(), AT, SETTINGS)).extracting(ExpectedFinding::kind,
                ExpectedFinding::entity).containsExactly(
                        org.assertj.core.api.Assertions.tuple(FindingKind.DORMANT_KEY, dormant.arn() + "#access-key-1"),
                        org.assertj.core.api.Assertions.tuple(FindingKind.KEY_ROTATION_OVERDUE,
                                dormant.arn() + "#access-key-1"));
        assertThat(TruthRules.key(fresh, trail.snapshot(), AT, SETTINGS)).isEmpty();
    }

    @Test
    void shouldProposeTheActionsUsedPerRoleAndPerAssumerButNothingForARoleWithoutCalls() {
        SimRole role = role("Dev", RoleKind.SAME_ACCOUNT, List.of(ROOT), List.of("s3:*"));
        SimRole idle = role("Idle", RoleKind.SAME_ACCOUNT, List.of(ROOT), List.of("s3:*"));
        trail.observe(assume(user("alice"), role.arn(), RECENT, "ASIAALICE"));
        trail.observe(assume(user("alice"), idle.arn(), RECENT, "ASIAIDLE"));
        trail.observe(call(session(role, "ASIAALICE"), "s3.amazonaws.com", "ListBuckets", RECENT));
        trail.observe(call(session(role, "ASIAALICE"), "lambda.amazonaws.com", "ListFunctions20150331", RECENT));
        trail.observe(call(session(role, "ASIAALICE"), "sts.amazonaws.com", "GetCallerIdentity", RECENT));
        trail.observe(call(session(role, "ASIAGONE"), "ec2.amazonaws.com", "DescribeVpcs", LONG_AGO));

        assertThat(TruthRules.policies(trail.snapshot(), T0)).containsExactly(
                new ExpectedPolicy(role.arn(), null, List.of("lambda:ListFunctions", "s3:ListAllMyBuckets")),
                new ExpectedPolicy(role.arn(), user("alice").path("arn").asText(),
                        List.of("lambda:ListFunctions", "s3:ListAllMyBuckets")));
    }

    @Test
    void shouldEvaluateAtTheDayBoundaryAfterTheNewestEvent() {
        assertThat(TruthRules.evaluatedAt(RECENT)).isEqualTo(AT);
        assertThat(TruthRules.evaluatedAt(AT.minusMillis(1))).isEqualTo(AT);
    }

    private List<ExpectedFinding> roleTruth(SimRole role) {
        return TruthRules.role(role, true, true, trail.snapshot(), T0, SETTINGS);
    }

    private static List<FindingKind> kinds(List<ExpectedFinding> findings) {
        return findings.stream().map(ExpectedFinding::kind).toList();
    }

    private static SimRole role(String name, RoleKind kind, List<String> trusted, List<String> actions) {
        return new SimRole(ACCOUNT, name, kind, trusted, actions);
    }

    private static SimUser simUser(String name, Instant created) {
        return new SimUser(ACCOUNT, name, "AIDA" + name.toUpperCase(), "AKIA" + name.toUpperCase(), Habit.DAILY,
                List.of("198.51.100"), "aws-cli/2", false, created, created, List.of());
    }

    private static ObjectNode identity(SimUser user) {
        return JsonNodeFactory.instance.objectNode().put("type", "IAMUser").put("arn", user.arn())
                .put("accessKeyId", user.accessKeyId());
    }

    private static ObjectNode user(String name) {
        return JsonNodeFactory.instance.objectNode().put("type", "IAMUser")
                .put("arn", "arn:aws:iam::" + ACCOUNT + ":user/" + name).put("accessKeyId", "AKIA" + name);
    }

    private static ObjectNode session(SimRole role, String key) {
        ObjectNode identity = JsonNodeFactory.instance.objectNode().put("type", "AssumedRole")
                .put("accessKeyId", key);
        identity.putObject("sessionContext").putObject("sessionIssuer").put("arn", role.arn());
        return identity;
    }

    private static ObjectNode call(ObjectNode identity, String source, String name, Instant at) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.set("userIdentity", identity);
        return event.put("eventTime", at.toString()).put("eventSource", source).put("eventName", name)
                .put("sourceIPAddress", "198.51.100.7").put("userAgent", "aws-cli/2.17.0 Python/3.11");
    }

    private static ObjectNode assume(ObjectNode caller, String role, Instant at, String issuedKey) {
        ObjectNode event = call(caller, "sts.amazonaws.com", "AssumeRole", at);
        event.putObject("requestParameters").put("roleArn", role);
        event.putObject("responseElements").putObject("credentials").put("accessKeyId", issuedKey);
        return event;
    }
}
