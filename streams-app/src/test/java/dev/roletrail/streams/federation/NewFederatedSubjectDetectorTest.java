package dev.roletrail.streams.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;

class NewFederatedSubjectDetectorTest {

    private static final String GITHUB = "token.actions.githubusercontent.com";
    private static final String DEPLOY = "arn:aws:iam::111122223333:role/deploy";
    private static final String MAIN = "repo:acme/api:ref:refs/heads/main";
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private final NewFederatedSubjectDetector detector = new NewFederatedSubjectDetector(
            new DetectorSettings("new-federated-subject", Settings.of(Map.of())));
    private final RoleFederation known = new RoleFederation(DEPLOY, NOW.minus(Duration.ofDays(30)), List.of(GITHUB),
            List.of(GITHUB + "|" + MAIN));

    @Test
    void shouldFireForANewSubjectOfAKnownProvider() {
        Observation o = observation(GITHUB, "repo:acme/fork:ref:refs/heads/evil");

        var alert = detector.evaluate(known, FederatedAssumption.from(o).orElseThrow(), o);

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.unusual()).isEqualTo("new subject repo:acme/fork:ref:refs/heads/evil");
            assertThat(a.role()).isEqualTo(DEPLOY);
        });
    }

    @Test
    void shouldFireHigherForANewProvider() {
        Observation o = observation("gitlab.example.com", MAIN);

        assertThat(detector.evaluate(known, FederatedAssumption.from(o).orElseThrow(), o))
                .hasValueSatisfying(a -> assertThat(a.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void shouldStayQuietForAKnownSubject() {
        Observation o = observation(GITHUB, MAIN);

        assertThat(detector.evaluate(known, FederatedAssumption.from(o).orElseThrow(), o)).isEmpty();
    }

    @Test
    void shouldStayQuietWhileTheRoleIsLearningOrNew() {
        Observation o = observation(GITHUB, "repo:acme/other:ref:refs/heads/main");
        RoleFederation young = new RoleFederation(DEPLOY, NOW.minus(Duration.ofDays(2)), List.of(GITHUB), List.of());

        assertThat(detector.evaluate(young, FederatedAssumption.from(o).orElseThrow(), o)).isEmpty();
        assertThat(detector.evaluate(null, FederatedAssumption.from(o).orElseThrow(), o)).isEmpty();
    }

    @Test
    void shouldKeepANewSubjectPendingWhileTheRoleIsLearningOrNotYetKnown() {
        Observation o = observation(GITHUB, "repo:acme/other:ref:refs/heads/main");
        FederatedAssumption assumption = FederatedAssumption.from(o).orElseThrow();
        RoleFederation young = new RoleFederation(DEPLOY, NOW.minus(Duration.ofDays(2)), List.of(GITHUB), List.of());

        assertThat(detector.pendingWhileLearning(young, assumption, o)).hasValueSatisfying(p -> {
            assertThat(p.subject()).isEqualTo("repo:acme/other:ref:refs/heads/main");
            assertThat(p.newProvider()).isFalse();
            assertThat(p.firstAt()).isEqualTo(NOW);
        });
        assertThat(detector.pendingWhileLearning(null, assumption, o))
                .hasValueSatisfying(p -> assertThat(p.newProvider()).isTrue());
        assertThat(detector.pendingWhileLearning(known, assumption, o)).as("learned: alerted at once").isEmpty();
        Observation main = observation(GITHUB, MAIN);
        assertThat(detector.pendingWhileLearning(young.with(GITHUB, MAIN, NOW, 10),
                FederatedAssumption.from(main).orElseThrow(), main)).as("a known subject").isEmpty();
    }

    @Test
    void shouldAlertAPendingSubjectOnceTheRolesEarlierFederationsShowTheLearningWasOver() {
        Observation o = observation(GITHUB, "repo:mallory/fork:ref:refs/heads/x");
        PendingSubject pending = detector.pendingWhileLearning(null, FederatedAssumption.from(o).orElseThrow(), o)
                .orElseThrow();
        RoleFederation alone = RoleFederation.first(DEPLOY, NOW, GITHUB, "repo:mallory/fork:ref:refs/heads/x")
                .withPending(pending, 10);
        assertThat(detector.learnedPending(alone)).isEmpty();

        Instant earlier = NOW.minus(Duration.ofDays(20));
        RoleFederation learned = alone.with(GITHUB, MAIN, earlier, 10)
                .seenAt(GITHUB, MAIN, EventEvidence.of(observation(GITHUB, MAIN, earlier)));

        assertThat(detector.learnedPending(learned)).singleElement().satisfies(p -> {
            Alert alert = detector.alert(learned, p);
            assertThat(alert.severity()).as("the provider came before it").isEqualTo(Severity.MEDIUM);
            assertThat(alert.unusual()).isEqualTo("new subject repo:mallory/fork:ref:refs/heads/x");
            assertThat(alert.eventIds()).isEqualTo(List.of(o.event().eventId()));
        });
        assertThat(detector.learnedPending(alone.with(GITHUB, MAIN, NOW.minus(Duration.ofDays(3)), 10)))
                .as("learning still, by the earliest known").isEmpty();
    }

    @Test
    void shouldAlertAPendingSubjectOfAProviderNeverSeenBeforeItHigher() {
        Observation o = observation("gitlab.example.com", MAIN);
        PendingSubject pending = detector.pendingWhileLearning(null, FederatedAssumption.from(o).orElseThrow(), o)
                .orElseThrow();
        Instant earlier = NOW.minus(Duration.ofDays(20));
        RoleFederation state = RoleFederation.first(DEPLOY, NOW, "gitlab.example.com", MAIN).withPending(pending, 10)
                .with(GITHUB, MAIN, earlier, 10).seenAt(GITHUB, MAIN, EventEvidence.of(observation(GITHUB, MAIN,
                        earlier)));

        assertThat(detector.learnedPending(state)).singleElement().satisfies(p -> {
            Alert alert = detector.alert(state, p);
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.baseline()).isEqualTo("assumed only through " + GITHUB);
        });
    }

    @Test
    void shouldReadProviderAndSubjectFromTheAwsDocumentationExample() {
        var event = dev.roletrail.testkit.CloudTrailSamples
                .awsDocsEvents(dev.roletrail.testkit.CloudTrailSamples.AWS_DOCS_IAM).stream()
                .filter(json -> json.contains("\"AssumeRoleWithWebIdentity\"")).findFirst().orElseThrow();

        assertThat(FederatedAssumption.from(TestObservations.of(event))).hasValue(new FederatedAssumption(
                "arn:aws:iam::444455556666:role/FederatedWebIdentityRole", "accounts.google.com", "<id of user>"));
    }

    private static Observation observation(String provider, String subject) {
        return observation(provider, subject, NOW);
    }

    private static Observation observation(String provider, String subject, Instant at) {
        return TestObservations.of(CloudTrailEvent.byWebIdentity(provider, subject, DEPLOY).at(at));
    }
}
