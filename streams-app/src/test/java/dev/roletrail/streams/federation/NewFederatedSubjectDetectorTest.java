package dev.roletrail.streams.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.streams.detect.DetectorSettings;
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
    void shouldReadProviderAndSubjectFromTheAwsDocumentationExample() {
        var event = dev.roletrail.testkit.CloudTrailSamples
                .awsDocsEvents(dev.roletrail.testkit.CloudTrailSamples.AWS_DOCS_IAM).stream()
                .filter(json -> json.contains("\"AssumeRoleWithWebIdentity\"")).findFirst().orElseThrow();

        assertThat(FederatedAssumption.from(TestObservations.of(event))).hasValue(new FederatedAssumption(
                "arn:aws:iam::444455556666:role/FederatedWebIdentityRole", "accounts.google.com", "<id of user>"));
    }

    private static Observation observation(String provider, String subject) {
        return TestObservations.of(CloudTrailEvent.byWebIdentity(provider, subject, DEPLOY).at(NOW));
    }
}
