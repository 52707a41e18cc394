package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.InvalidConfigException;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

class LongSessionRequestedDetectorTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String ADMIN = "arn:aws:iam::111122223333:role/Admin";
    private static final String DEPLOY = "arn:aws:iam::111122223333:role/Deploy";
    private static final long HOUR = 3600;

    private final LongSessionRequestedDetector detector = detector(Map.of());

    @Test
    void shouldFireWhenASensitiveRoleSessionIsLongerThanAnHour() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).durationSeconds(2 * HOUR);

        assertThat(detector.evaluate(TestObservations.of(event))).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo("long-session-requested");
            assertThat(a.severity()).as("raised for a sensitive role").isEqualTo(Severity.HIGH);
            assertThat(a.entity()).isEqualTo(ALICE + " -> " + ADMIN);
            assertThat(a.role()).isEqualTo(ADMIN);
            assertThat(a.baseline()).isEqualTo("sessions last at most 1 h for sensitive roles");
            assertThat(a.unusual()).isEqualTo("AssumeRole of " + ADMIN + " requested 2 h");
        });
    }

    @Test
    void shouldFireForASessionTokenLongerThanTwelveHours() {
        var event = CloudTrailEvent.byUser(ALICE).getSessionToken().durationSeconds(36 * HOUR);

        assertThat(detector.evaluate(TestObservations.of(event))).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.entity()).isEqualTo(ALICE + " GetSessionToken");
            assertThat(a.role()).isNull();
        });
    }

    @Test
    void shouldFireForAFederationTokenOneSecondOverTheLimit() {
        var event = CloudTrailEvent.byUser(ALICE).getFederationToken("contractor").durationSeconds(12 * HOUR + 1);

        assertThat(detector.evaluate(TestObservations.of(event)))
                .hasValueSatisfying(a -> assertThat(a.unusual()).endsWith("requested 43201 s"));
    }

    @Test
    void shouldFollowAConfiguredDefaultLimit() {
        var configured = detector(Map.of("detector.long-session-requested.max-default", "4h"));
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY).durationSeconds(5 * HOUR);

        assertThat(configured.evaluate(TestObservations.of(event))).isPresent();
        assertThat(detector.evaluate(TestObservations.of(event))).as("12 h by default").isEmpty();
    }

    @Test
    void shouldStayQuietAtExactlyTheLimit() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).durationSeconds(HOUR);

        assertThat(detector.evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldStayQuietForTheLongestOrdinaryRoleSession() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(DEPLOY).durationSeconds(12 * HOUR);

        assertThat(detector.evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldTakeTwelveHoursWhenATokenCallNamesNoDuration() {
        var event = CloudTrailEvent.byUser(ALICE).getSessionToken();
        var strict = detector(Map.of("detector.long-session-requested.max-default", "11h"));

        assertThat(detector.evaluate(TestObservations.of(event))).as("12 h is not over 12 h").isEmpty();
        assertThat(strict.evaluate(TestObservations.of(event))).as("but it is over 11 h").isPresent();
    }

    @Test
    void shouldStayQuietForTheStratusFederationTokenWhichNamesNoDuration() {
        String file = "aws.persistence.sts-federation-token.json";

        assertThat(StratusObservations.of(file)).allSatisfy(o -> assertThat(detector.evaluate(o)).isEmpty());
    }

    @Test
    void shouldStayQuietForTheHourLongSessionsOfTheAwsDocsExamples() {
        List<String> docs = CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_IAM);

        assertThat(docs).allSatisfy(json -> assertThat(detector.evaluate(TestObservations.of(json))).isEmpty());
    }

    @Test
    void shouldStayQuietWhenTheCallWasRefused() {
        var event = CloudTrailEvent.byUser(ALICE).assumeRole(ADMIN).durationSeconds(4 * HOUR).denied();

        assertThat(detector.evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldRejectALimitOutsideWhatStsAllows() {
        var error = assertThrows(InvalidConfigException.class,
                () -> detector(Map.of("detector.long-session-requested.max-sensitive", "48h")));

        assertThat(error).hasMessageContaining("detector.long-session-requested.max-sensitive");
    }

    private static LongSessionRequestedDetector detector(Map<String, String> settings) {
        return new LongSessionRequestedDetector(
                new DetectorSettings(LongSessionRequestedDetector.INFO.id(), Settings.of(settings)));
    }
}
