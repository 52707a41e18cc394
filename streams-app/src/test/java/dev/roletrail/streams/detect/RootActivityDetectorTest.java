package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

class RootActivityDetectorTest {

    private static final String ROOT = "arn:aws:iam::111122223333:root";

    /** AWS CloudTrail user guide: root sign-ins (success without and with MFA, failure), MFA and password changes. */
    private static final List<String> DOCS = CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_CLOUDTRAIL);

    private final RootActivityDetector detector = new RootActivityDetector();

    @Test
    void shouldFireWhenRootSignsInWithoutMfa() {
        assertThat(detector.evaluate(TestObservations.of(DOCS.get(5)))).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo("root-activity");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.entity()).isEqualTo(ROOT);
            assertThat(a.principal()).isEqualTo(ROOT);
            assertThat(a.unusual()).isEqualTo("root called ConsoleLogin on signin.amazonaws.com, without MFA");
        });
    }

    @Test
    void shouldFireForAFailedRootSignIn() {
        assertThat(detector.evaluate(TestObservations.of(DOCS.get(7))))
                .hasValueSatisfying(a -> assertThat(a.unusual()).contains("sign-in failed"));
    }

    @Test
    void shouldFireForEveryRootActionOfTheDocsExamples() {
        assertThat(DOCS.subList(5, 10))
                .allSatisfy(json -> assertThat(detector.evaluate(TestObservations.of(json))).isPresent());
    }

    @Test
    void shouldFireForARefusedApiCallWithARootAccessKey() {
        var event = CloudTrailEvent.byRoot("111122223333").identity("accessKeyId", "AKIAROOTKEYEXAMPLE01")
                .call("iam.amazonaws.com", "CreateUser").denied();

        assertThat(detector.evaluate(TestObservations.of(event))).hasValueSatisfying(a -> assertThat(a.unusual())
                .isEqualTo("root called CreateUser on iam.amazonaws.com, refused (AccessDenied), "
                        + "with root access key AKIAROOTKEYEXAMPLE01"));
    }

    @Test
    void shouldStayQuietForWhatAnAwsServiceDoesOnRootsBehalf() {
        var invoked = CloudTrailEvent.byRoot("111122223333").identity("invokedBy", "support.amazonaws.com");
        var serviceEvent = CloudTrailEvent.byRoot("111122223333").field("eventType", "AwsServiceEvent");

        assertThat(detector.evaluate(TestObservations.of(invoked))).isEmpty();
        assertThat(detector.evaluate(TestObservations.of(serviceEvent))).isEmpty();
    }

    @Test
    void shouldStayQuietForIamUsersAndServices() {
        assertThat(DOCS.subList(0, 5)).as("IAM user sign-ins")
                .allSatisfy(json -> assertThat(detector.evaluate(TestObservations.of(json))).isEmpty());
        assertThat(detector.evaluate(TestObservations.of(DOCS.get(18)))).as("KMS key rotation by AWS").isEmpty();
    }

    @Test
    void shouldStayQuietForStratusDetonationsWhichNeverUseRoot() {
        for (String file : List.of("aws.initial-access.console-login-without-mfa.json",
                "aws.persistence.iam-create-admin-user.json", "aws.persistence.sts-federation-token.json")) {
            assertThat(StratusObservations.of(file)).as(file)
                    .allSatisfy(o -> assertThat(detector.evaluate(o)).isEmpty());
        }
    }
}
