package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

class SensitiveRoleAssumedWithoutMfaDetectorTest {

    private static final String ACCOUNT = "arn:aws:iam::111122223333:";
    private static final String ALICE = ACCOUNT + "user/alice";
    private static final String DEPLOY = ACCOUNT + "role/Deploy";
    private static final String ADMIN = ACCOUNT + "role/PlatformAdmin";
    private static final String BREAK_GLASS = ACCOUNT + "role/BreakGlassAccess";
    private static final String MFA_DEVICE = ACCOUNT + "mfa/alice";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final SensitiveRoleAssumedWithoutMfaDetector detector = detector(Map.of());

    @Test
    void shouldFireOnTheStratusConsoleLoginWithoutMfa() {
        Observation login = StratusObservations.event("aws.initial-access.console-login-without-mfa.json",
                "ConsoleLogin");

        assertThat(detector.evaluate(login)).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo("sensitive-role-assumed-without-mfa");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.entity()).isEqualTo(login.principal().id() + " console sign-in");
            assertThat(a.role()).isNull();
            assertThat(a.attack()).containsExactly("T1078.004");
            assertThat(a.unusual()).contains("without MFA");
        });
    }

    @Test
    void shouldFireOnlyOnTheAwsDocsSuccessfulUserSignInsWithoutMfa() {
        List<String> fired = new ArrayList<>();
        for (String file : List.of(CloudTrailSamples.AWS_DOCS_CLOUDTRAIL, CloudTrailSamples.AWS_DOCS_IAM)) {
            for (String json : CloudTrailSamples.awsDocsEvents(file)) {
                detector.evaluate(TestObservations.of(json)).ifPresent(a -> fired.add(a.entity()));
            }
        }

        assertThat(fired)
                .as("sign-ins with MFA, failed sign-ins, root's and the AssumeRole with serialNumber stay quiet")
                .containsExactly("arn:aws:iam::111122223333:user/anaya console sign-in",
                        "arn:aws:iam::111122223333:user/JohnDoe console sign-in");
    }

    @Test
    void shouldRaiseToCriticalWhenAUserKeyAssumesABreakGlassRoleWithoutASerialNumber() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(BREAK_GLASS).at(NOW);

        assertThat(detector.evaluate(TestObservations.of(event))).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.entity()).isEqualTo(ALICE + " -> " + BREAK_GLASS);
            assertThat(a.role()).isEqualTo(BREAK_GLASS);
            assertThat(a.unusual()).contains("no serialNumber");
        });
    }

    @Test
    void shouldFireAtHighForASensitiveRole() {
        assertThat(detector.evaluate(TestObservations.of(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN))))
                .hasValueSatisfying(a -> assertThat(a.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void shouldStayQuietWhenTheRequestCarriesAnMfaSerialNumber() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(BREAK_GLASS).requestParameter("serialNumber", MFA_DEVICE);

        assertThat(detector.evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldFollowTheUsersConsoleSessionWhenItSwitchesRole() {
        var withMfa = TestObservations.of(consoleSession(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN), "true"));
        var withoutMfa = TestObservations.of(consoleSession(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN), "false"));

        assertThat(detector.evaluate(withMfa)).isEmpty();
        assertThat(detector.evaluate(withoutMfa))
                .hasValueSatisfying(a -> assertThat(a.unusual()).contains("mfaAuthenticated false"));
    }

    @Test
    void shouldFireWhenASessionBegunByAUserWithoutMfaChainsIntoASensitiveRole() {
        var event = CloudTrailEvent.byRoleSession(DEPLOY, "alice").assumeRole(ADMIN).at(NOW);

        assertThat(detector.evaluate(TestObservations.inSession(event, session(ALICE))))
                .hasValueSatisfying(a -> {
                    assertThat(a.origin()).isEqualTo(ALICE);
                    assertThat(a.entity()).isEqualTo(ALICE + " -> " + ADMIN);
                    assertThat(a.unusual()).contains("session begun by IAM user " + ALICE);
                });
    }

    @Test
    void shouldStayQuietForAUsersSessionThatWasMfaAuthenticated() {
        ObjectNode tree = CloudTrailEvent.byRoleSession(DEPLOY, "alice").assumeRole(ADMIN).tree();
        ((ObjectNode) tree.at("/userIdentity/sessionContext/attributes")).put("mfaAuthenticated", "true");
        Observation observation = TestObservations.of(tree.toString());

        assertThat(detector.evaluate(new Observation(observation.event(), observation.principal(),
                TestObservations.inSession(CloudTrailEvent.byRoleSession(DEPLOY, "alice"), session(ALICE))
                        .lineage()))).isEmpty();
    }

    @Test
    void shouldStayQuietForWorkloadsAndFederatedPeople() {
        var instanceRole = CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/WebServer",
                "i-0abc1234def567890").assumeRole(ADMIN);
        var sso = CloudTrailEvent.byRoleSession(
                "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Ops_0123abcd", "bob")
                .assumeRole(ADMIN);

        assertThat(detector.evaluate(TestObservations.inSession(instanceRole, session("service:ec2.amazonaws.com"))))
                .as("an EC2 instance role's session").isEmpty();
        assertThat(detector.evaluate(TestObservations.inSession(sso, session("saml:AWSSSO/bob@example.com"))))
                .as("an Identity Center user: MFA is the identity provider's").isEmpty();
        assertThat(detector.evaluate(TestObservations.of(CloudTrailEvent.byWebIdentity(
                "token.actions.githubusercontent.com", "repo:acme/infra:ref:refs/heads/main", ADMIN))))
                .as("web identity").isEmpty();
        var unknownStart = CloudTrailEvent.byRoleSession(DEPLOY, "old").assumeRole(ADMIN);
        assertThat(detector.evaluate(TestObservations.of(unknownStart)))
                .as("a session that began before the data: no telling who").isEmpty();
    }

    @Test
    void shouldStayQuietForAnOrdinaryRoleOrARefusal() {
        assertThat(detector.evaluate(TestObservations.of(CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY)))).isEmpty();
        assertThat(detector.evaluate(TestObservations.of(CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).denied())))
                .isEmpty();
    }

    @Test
    void shouldReadTheSensitiveRoleAssumedPatterns() {
        String emergency = "arn:aws:iam::111122223333:role/prod-emergency";
        var configured = detector(Map.of("detector.sensitive-role-assumed.break-glass-roles", "*:role/prod-emergency",
                "org.sensitive-roles", "*:role/prod-*"));

        assertThat(List.of(emergency, ADMIN)).map(role -> configured.evaluate(TestObservations.of(
                CloudTrailEvent.byUser(ALICE).assumeRole(role))).map(a -> a.severity()).orElse(null))
                .as("the configured break-glass role is CRITICAL; the default patterns are replaced")
                .containsExactly(Severity.CRITICAL, null);
    }

    @Test
    void shouldStayQuietOnTheOtherStratusDetonations() {
        for (String file : CloudTrailSamples.stratusFileNames()) {
            if (!file.equals("aws.initial-access.console-login-without-mfa.json")) {
                assertThat(StratusObservations.of(file)).as(file)
                        .allSatisfy(o -> assertThat(detector.evaluate(o)).isEmpty());
            }
        }
    }

    /** The record as made in the user's console session: its sessionContext says whether sign-in used MFA. */
    private static String consoleSession(CloudTrailEvent event, String mfaAuthenticated) {
        ObjectNode tree = event.tree();
        ObjectNode identity = (ObjectNode) tree.get("userIdentity");
        identity.put("accessKeyId", "ASIACONSOLESESSION01").put("invokedBy", "signin.amazonaws.com");
        identity.putObject("sessionContext").putObject("attributes").put("creationDate", NOW.toString())
                .put("mfaAuthenticated", mfaAuthenticated);
        return tree.toString();
    }

    private static Session session(String origin) {
        return new Session("ASIADEPLOYSESSION001", DEPLOY, origin, List.of(origin, DEPLOY), null, "AssumeRole",
                "alice", NOW.minusSeconds(600), NOW.plusSeconds(3000), "203.0.113.0/24", "e-1");
    }

    private static SensitiveRoleAssumedWithoutMfaDetector detector(Map<String, String> settings) {
        return new SensitiveRoleAssumedWithoutMfaDetector(SensitiveRoles.from(Settings.of(settings)));
    }
}
