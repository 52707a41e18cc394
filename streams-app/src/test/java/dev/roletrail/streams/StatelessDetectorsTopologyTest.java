package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.testkit.CloudTrailEvent;

/** The stateless detectors in the production topology: lineage on their alerts, policy and suppression after them. */
class StatelessDetectorsTopologyTest {

    private static final String ORG = "111122223333";
    private static final String STRANGER = "999988887777";
    private static final String ROOT = "arn:aws:iam::" + ORG + ":root";
    private static final String ALICE = "arn:aws:iam::" + ORG + ":user/alice";
    private static final String BOB = "arn:aws:iam::" + ORG + ":user/bob";
    private static final String BREAK_GLASS = "arn:aws:iam::" + ORG + ":role/BreakGlassAccess";
    private static final String DEPLOY = "arn:aws:iam::" + ORG + ":role/Deploy";
    private static final String ADMIN = "arn:aws:iam::" + ORG + ":role/Admin";
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private TopologyFixture topology;

    @BeforeEach
    void startDriver() {
        topology = new TopologyFixture(Map.of("org.accounts", ORG, "alerts.suppression-window", "24h"), TopologyFixture.NOW);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @Test
    void shouldRaiseRootActivityAndUnknownExternalAccountAlerts() {
        send(ROOT, CloudTrailEvent.byRoot(ORG).call("signin.amazonaws.com", "ConsoleLogin")
                .field("eventType", "AwsConsoleSignIn").at(T0));
        send("account:" + STRANGER, CloudTrailEvent.byAccount(STRANGER).recipient(ORG).assumeRole(DEPLOY)
                .at(T0.plusSeconds(60)));

        assertThat(statelessAlerts())
                .extracting(Alert::detector, Alert::principal, Alert::severity)
                .containsExactlyInAnyOrder(
                        tuple("root-activity", ROOT, Severity.MEDIUM),
                        tuple("unknown-external-account", "account:" + STRANGER, Severity.HIGH));
    }

    @Test
    void shouldNameTheOriginWhenAChainReachesASensitiveRole() {
        CloudTrailEvent assumeDeploy = CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY).at(T0);
        send(ALICE, assumeDeploy);
        send(DEPLOY, CloudTrailEvent.byRoleSession(DEPLOY, "session").withAccessKey(assumeDeploy.issuedKeyId())
                .assumeRole(ADMIN).at(T0.plusSeconds(30)));

        assertThat(statelessAlerts()).as("alice's key gave no MFA code, so her chain reached Admin without MFA")
                .extracting(Alert::detector).containsExactlyInAnyOrder("sensitive-role-assumed",
                        "sensitive-role-assumed-without-mfa");
        assertThat(statelessAlerts()).allSatisfy(alert -> {
            assertThat(alert.principal()).isEqualTo(DEPLOY);
            assertThat(alert.origin()).isEqualTo(ALICE);
            assertThat(alert.chain()).containsExactly(ALICE, DEPLOY);
            assertThat(alert.role()).isEqualTo(ADMIN);
        });
    }

    @Test
    void shouldRaiseSensitiveRoleAssumedWithoutMfaOnlyWhenTheChainLackedMfa() {
        CloudTrailEvent withMfa = CloudTrailEvent.byUser(ALICE).assumeRole(BREAK_GLASS)
                .requestParameter("serialNumber", "arn:aws:iam::" + ORG + ":mfa/alice").at(T0);
        CloudTrailEvent withoutMfa = CloudTrailEvent.byUser(BOB).assumeRole(BREAK_GLASS).at(T0.plusSeconds(60));
        send(ALICE, withMfa);
        send(BOB, withoutMfa);
        send(BOB, CloudTrailEvent.byUser(BOB).call("signin.amazonaws.com", "ConsoleLogin")
                .field("eventType", "AwsConsoleSignIn").at(T0.plusSeconds(120)));

        List<Alert> alerts = statelessAlerts();
        assertThat(alerts).filteredOn(alert -> alert.detector().equals("sensitive-role-assumed-without-mfa"))
                .extracting(Alert::entity, Alert::severity, Alert::origin)
                .containsExactly(tuple(BOB + " -> " + BREAK_GLASS, Severity.CRITICAL, BOB));
        assertThat(alerts).filteredOn(alert -> alert.detector().equals("sensitive-role-assumed"))
                .extracting(Alert::origin)
                .as("every break-glass assumption is still reported").containsExactlyInAnyOrder(ALICE, BOB);
    }

    @Test
    void shouldAlertOncePerWindowAndReportTheRepeatsWhenItCloses() {
        send(ROOT, CloudTrailEvent.byRoot(ORG).call("iam.amazonaws.com", "ListUsers").at(T0));
        send(ROOT, CloudTrailEvent.byRoot(ORG).call("iam.amazonaws.com", "ListRoles").at(T0.plusSeconds(600)));
        send(ROOT, CloudTrailEvent.byRoot(ORG).call("iam.amazonaws.com", "ListPolicies").at(T0.plusSeconds(3600)));

        List<Alert> duringTheWindow = statelessAlerts();
        assertThat(duringTheWindow).singleElement().satisfies(alert -> {
            assertThat(alert.detector()).isEqualTo("root-activity");
            assertThat(alert.count()).isEqualTo(1);
        });

        // Another alert 25 hours later moves stream time past the window's end.
        send(ALICE, CloudTrailEvent.byUser(ALICE).iam("CreateAccessKey").requestParameter("userName", "bob")
                .at(T0.plus(Duration.ofHours(25))));

        List<Alert> afterTheWindow = statelessAlerts();
        assertThat(afterTheWindow).extracting(Alert::detector)
                .containsExactlyInAnyOrder("access-path-created", "root-activity");
        assertThat(afterTheWindow).filteredOn(alert -> alert.detector().equals("root-activity")).singleElement()
                .satisfies(summary -> {
                    assertThat(summary.id()).as("the same alert, now with its repeats")
                            .isEqualTo(duringTheWindow.get(0).id());
                    assertThat(summary.count()).isEqualTo(3);
                    assertThat(summary.lastEventTime()).isEqualTo(T0.plusSeconds(3600));
                });
    }

    @Test
    void shouldCountAnAlertOfAClosedWindowThatArrivesLateInsteadOfSendingItAsNew() {
        send(ROOT, CloudTrailEvent.byRoot(ORG).call("iam.amazonaws.com", "ListUsers").at(T0));
        send(ALICE, CloudTrailEvent.byUser(ALICE).iam("CreateAccessKey").requestParameter("userName", "bob")
                .at(T0.plus(Duration.ofHours(25))));
        // From the closed window's time, arriving a day later (held, or reached through another repartition).
        send(ROOT, CloudTrailEvent.byRoot(ORG).call("iam.amazonaws.com", "ListRoles").at(T0.plusSeconds(600)));

        List<Alert> root = rootActivity();
        assertThat(root).as("no second alert for the closed window").singleElement()
                .satisfies(alert -> assertThat(alert.count()).isEqualTo(1));

        // Stream time past the window's end and the day it is kept: it is forgotten, with its late repeat reported.
        send(ALICE, CloudTrailEvent.byUser(ALICE).iam("CreateAccessKey").requestParameter("userName", "carol")
                .at(T0.plus(Duration.ofHours(50))));

        assertThat(rootActivity()).as("alerts since the first, read above").extracting(Alert::id, Alert::count)
                .containsExactly(tuple(root.get(0).id(), 2L));
    }

    private List<Alert> rootActivity() {
        return topology.alerts("root-activity");
    }

    /** This class is about the stateless detectors; the stateful ones have their own topology tests. */
    private List<Alert> statelessAlerts() {
        Set<String> stateless = DetectorCatalog.stateless(Settings.of(Map.of())).infos().stream()
                .map(DetectorInfo::id).collect(Collectors.toSet());
        return topology.alerts().stream().filter(alert -> stateless.contains(alert.detector())).toList();
    }

    private void send(String principal, CloudTrailEvent event) {
        topology.send(principal, event.bytes());
    }
}
