package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;

class SensitiveRoleAssumedDetectorTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String DEPLOY = "arn:aws:iam::111122223333:role/Deploy";
    private static final String ADMIN = "arn:aws:iam::111122223333:role/PlatformAdmin";
    private static final String BREAK_GLASS = "arn:aws:iam::111122223333:role/BreakGlassAccess";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final SensitiveRoleAssumedDetector detector = detector(Map.of());

    @Test
    void shouldFireWithTheFullLineageWhenAChainReachesAnAdminRole() {
        Session deploySession = new Session("ASIADEPLOYSESSION001", DEPLOY, ALICE, List.of(ALICE, DEPLOY), "alice",
                "AssumeRole", "alice-deploy", NOW.minusSeconds(600), NOW.plusSeconds(3000), "203.0.113.0/24", "e-1");
        var event = CloudTrailEvent.byRoleSession(DEPLOY, "alice-deploy").assumeRole(ADMIN).at(NOW);

        var alert = detector.evaluate(TestObservations.inSession(event, deploySession));

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo("sensitive-role-assumed");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.origin()).isEqualTo(ALICE);
            assertThat(a.chain()).containsExactly(ALICE, DEPLOY);
            assertThat(a.role()).isEqualTo(ADMIN);
            assertThat(a.entity()).isEqualTo(ALICE + " -> " + ADMIN);
            assertThat(a.unusual()).contains(ALICE + " -> " + DEPLOY + " -> " + ADMIN)
                    .contains("source identity alice");
        });
    }

    @Test
    void shouldRaiseToCriticalForABreakGlassRole() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(BREAK_GLASS);

        assertThat(detector.evaluate(TestObservations.of(event)))
                .hasValueSatisfying(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void shouldFireForTheOrganizationAccessRoleByDefault() {
        var event = CloudTrailEvent.byUser(ALICE)
                .assumeRole("arn:aws:iam::444455556666:role/OrganizationAccountAccessRole");

        assertThat(detector.evaluate(TestObservations.of(event))).isPresent();
    }

    @Test
    void shouldSayTheOriginIsUnknownWhenTheCallersSessionBeganBeforeTheData() {
        var event = CloudTrailEvent.byRoleSession(DEPLOY, "old-session").assumeRole(ADMIN);

        assertThat(detector.evaluate(TestObservations.of(event)))
                .hasValueSatisfying(a -> assertThat(a.unusual()).contains("origin unknown"));
    }

    @Test
    void shouldFollowConfiguredPatterns() {
        var configured = detector(Map.of("org.sensitive-roles", "*:role/prod-*",
                "detector.sensitive-role-assumed.break-glass-roles", "*:role/prod-emergency"));

        assertThat(configured.evaluate(TestObservations.of(CloudTrailEvent.byUser(ALICE)
                .assumeRole("arn:aws:iam::111122223333:role/prod-deployer")))).isPresent();
        assertThat(configured.evaluate(TestObservations.of(CloudTrailEvent.byUser(ALICE)
                .assumeRole("arn:aws:iam::111122223333:role/prod-emergency"))))
                .hasValueSatisfying(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(configured.evaluate(TestObservations.of(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN))))
                .as("the default patterns are replaced").isEmpty();
    }

    @Test
    void shouldStayQuietForAnOrdinaryRole() {
        assertThat(detector.evaluate(TestObservations.of(CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY)))).isEmpty();
    }

    @Test
    void shouldStayQuietWhenTheAssumptionWasDenied() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).denied();

        assertThat(detector.evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldStayQuietForOtherCallsOfAnAdminSession() {
        var event = CloudTrailEvent.byRoleSession(ADMIN, "alice").call("iam.amazonaws.com", "ListRoles");

        assertThat(detector.evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldStayQuietForTheRolesOfStratusDetonations() {
        for (String file : List.of("aws.credential-access.ec2-get-password-data.json",
                "aws.defense-evasion.organizations-leave.json", "aws.discovery.ec2-download-user-data.json",
                "aws.execution.ec2-launch-unusual-instances.json")) {
            assertThat(StratusObservations.of(file)).as(file)
                    .allSatisfy(o -> assertThat(detector.evaluate(o)).isEmpty());
        }
    }

    private static SensitiveRoleAssumedDetector detector(Map<String, String> settings) {
        return new SensitiveRoleAssumedDetector(
                new DetectorSettings(SensitiveRoleAssumedDetector.INFO.id(), Settings.of(settings)));
    }
}
