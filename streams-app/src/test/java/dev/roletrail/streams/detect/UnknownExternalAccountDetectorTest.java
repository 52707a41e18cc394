package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

class UnknownExternalAccountDetectorTest {

    private static final String OURS = "111122223333";
    private static final String ALSO_OURS = "222233334444";
    private static final String STRANGER = "999988887777";
    private static final String VENDOR = "444455556666";
    private static final String DEPLOY = "arn:aws:iam::" + OURS + ":role/Deploy";
    private static final Map<String, String> ORG = Map.of(
            "org.accounts", OURS + "," + ALSO_OURS,
            "org.trusted-external-accounts", VENDOR);

    /** AWS docs, "Example cross-account AWS STS API events": the caller's copy, then the role owner's copy. */
    private static final List<String> DOCS = CloudTrailSamples.awsDocsEvents(CloudTrailSamples.AWS_DOCS_IAM);
    private static final String DOCS_CALLER_COPY = DOCS.get(1);
    private static final String DOCS_OWNER_COPY = DOCS.get(2);
    private static final String DOCS_ROLE = "arn:aws:iam::111122223333:role/EC2-dev";

    @Test
    void shouldFireForTheCallersCopyOfACrossAccountAssumption() {
        var alert = detector(Map.of()).evaluate(TestObservations.of(DOCS_CALLER_COPY));

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.detector()).isEqualTo("unknown-external-account");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.entity()).isEqualTo("account:777788889999 -> " + DOCS_ROLE);
            assertThat(a.principal()).isEqualTo("arn:aws:iam::777788889999:user/JohnDoe");
            assertThat(a.role()).isEqualTo(DOCS_ROLE);
            assertThat(a.baseline()).contains("no org.accounts configured");
            assertThat(a.unusual()).contains("from account 777788889999");
        });
    }

    @Test
    void shouldFireForTheRoleOwnersCopyThatNamesOnlyTheAccount() {
        var alert = detector(Map.of()).evaluate(TestObservations.of(DOCS_OWNER_COPY));

        assertThat(alert).hasValueSatisfying(a -> {
            assertThat(a.principal()).isEqualTo("account:777788889999");
            assertThat(a.entity()).as("both copies share the entity, so suppression merges them")
                    .isEqualTo("account:777788889999 -> " + DOCS_ROLE);
        });
    }

    @Test
    void shouldFireWhenAnAccountOutsideTheOrganisationAssumesOurRole() {
        var event = CloudTrailEvent.byAccount(STRANGER).recipient(OURS).assumeRole(DEPLOY);

        assertThat(detector(ORG).evaluate(TestObservations.of(event)))
                .hasValueSatisfying(a -> assertThat(a.baseline()).contains("2 organisation accounts"));
    }

    @Test
    void shouldFireForARoleSessionOfAnotherAccount() {
        var event = CloudTrailEvent.byRoleSession("arn:aws:iam::" + STRANGER + ":role/Runner", "job-1")
                .assumeRole(DEPLOY).recipient(OURS);

        assertThat(detector(ORG).evaluate(TestObservations.of(event))).isPresent();
    }

    @Test
    void shouldStayQuietForAnotherAccountOfTheOrganisation() {
        var event = CloudTrailEvent.byUser("arn:aws:iam::" + ALSO_OURS + ":user/alice").assumeRole(DEPLOY)
                .recipient(OURS);

        assertThat(detector(ORG).evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldStayQuietForATrustedExternalAccount() {
        var event = CloudTrailEvent.byAccount(VENDOR).recipient(OURS).assumeRole(DEPLOY);

        assertThat(detector(ORG).evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldStayQuietWhenOurPrincipalAssumesARoleOfAnotherOrganisation() {
        var event = CloudTrailEvent.byUser("arn:aws:iam::" + OURS + ":user/alice")
                .assumeRole("arn:aws:iam::" + STRANGER + ":role/Partner");

        assertThat(detector(ORG).evaluate(TestObservations.of(event))).isEmpty();
        assertThat(detector(Map.of()).evaluate(TestObservations.of(event)))
                .as("unconfigured: the record was delivered to our account, which is therefore known").isEmpty();
    }

    @Test
    void shouldStayQuietWhenTheExternalAssumptionWasDenied() {
        var event = CloudTrailEvent.byAccount(STRANGER).recipient(OURS).assumeRole(DEPLOY).denied();

        assertThat(detector(ORG).evaluate(TestObservations.of(event))).isEmpty();
    }

    @Test
    void shouldStayQuietForSameAccountAssumptionsInStratusDetonations() {
        String file = "aws.credential-access.ec2-get-password-data.json";
        var detector = new UnknownExternalAccountDetector(
                new DetectorSettings(UnknownExternalAccountDetector.INFO.id(), StratusObservations.settings(file)));

        assertThat(StratusObservations.of(file)).allSatisfy(o -> assertThat(detector.evaluate(o)).isEmpty());
    }

    @Test
    void shouldStayQuietForSamlAndWebIdentityAssumptions() {
        assertThat(detector(Map.of()).evaluate(TestObservations.of(DOCS.get(5)))).isEmpty();
        assertThat(detector(Map.of()).evaluate(TestObservations.of(DOCS.get(6)))).isEmpty();
    }

    private static UnknownExternalAccountDetector detector(Map<String, String> settings) {
        return new UnknownExternalAccountDetector(
                new DetectorSettings(UnknownExternalAccountDetector.INFO.id(), Settings.of(settings)));
    }
}
