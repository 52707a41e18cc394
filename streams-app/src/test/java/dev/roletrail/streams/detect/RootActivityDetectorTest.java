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
            assertThat(a.entity()).isEqualTo(ROOT + " sign-in");
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
    void shouldFireForAConsoleActionWhichCarriesInvokedBy() {
        // IAM user guide, "Example IAM API event": a console call is logged with invokedBy signin.amazonaws.com while
        // userIdentity is still the caller; only a service event is AWS's own.
        var console = CloudTrailEvent.byRoot("111122223333").identity("invokedBy", "signin.amazonaws.com")
                .from("signin.amazonaws.com").iam("CreateAccessKey");

        assertThat(detector.evaluate(TestObservations.of(console))).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.entity()).isEqualTo(ROOT + " change CreateAccessKey");
            assertThat(a.unusual()).isEqualTo("root called CreateAccessKey on iam.amazonaws.com, through "
                    + "signin.amazonaws.com");
        });
    }

    @Test
    void shouldStayQuietForAServiceEvent() {
        var serviceEvent = CloudTrailEvent.byRoot("111122223333").field("eventType", "AwsServiceEvent");

        assertThat(detector.evaluate(TestObservations.of(serviceEvent))).isEmpty();
    }

    @Test
    void shouldTierSeverityByWhatRootDid() {
        var root = CloudTrailEvent.byRoot("111122223333");

        assertThat(RootActivityDetector.severity(TestObservations.of(DOCS.get(6)).event())).as("sign-in with MFA")
                .isEqualTo(Severity.MEDIUM);
        assertThat(RootActivityDetector.severity(TestObservations.of(DOCS.get(7)).event())).as("failed sign-in")
                .isEqualTo(Severity.MEDIUM);
        assertThat(RootActivityDetector.severity(TestObservations.of(DOCS.get(8)).event())).as("MFA enabled")
                .isEqualTo(Severity.CRITICAL);
        assertThat(RootActivityDetector.severity(TestObservations.of(DOCS.get(9)).event())).as("password changed")
                .isEqualTo(Severity.CRITICAL);
        assertThat(RootActivityDetector.severity(TestObservations.of(root.call("iam.amazonaws.com", "ListUsers")).event()))
                .isEqualTo(Severity.LOW);
        assertThat(RootActivityDetector.severity(TestObservations.of(
                CloudTrailEvent.byRoot("111122223333").iam("CreateServiceLinkedRole")).event()))
                .isEqualTo(Severity.LOW);
        assertThat(RootActivityDetector.severity(TestObservations.of(
                CloudTrailEvent.byRoot("111122223333").iam("PutUserPolicy")).event()))
                .isEqualTo(Severity.CRITICAL);
        var write = CloudTrailEvent.byRoot("111122223333").call("ec2.amazonaws.com", "RunInstances")
                .field("readOnly", "false");
        assertThat(RootActivityDetector.severity(TestObservations.of(write).event())).isEqualTo(Severity.HIGH);
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
