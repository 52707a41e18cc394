package dev.roletrail.streams.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;

class AccessPathCreatedDetectorTest {

    private static final String ACCOUNT = "111122223333";
    private static final String ADMIN_USER = "arn:aws:iam::" + ACCOUNT + ":user/admin";
    private static final String VENDOR = "444455556666";
    private static final Map<String, String> ORG = Map.of("org.accounts", ACCOUNT + ",222233334444",
            "org.trusted-external-accounts", VENDOR);

    // Stratus Red Team detonations: each must raise exactly one access-path-created alert.

    @Test
    void shouldFireForTheStratusBackdoorUserAccessKey() {
        String file = "aws.persistence.iam-backdoor-user.json";
        String account = StratusObservations.account(file);

        assertThat(alerts(file)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.entity()).isEqualTo("access-key for arn:aws:iam::" + account
                    + ":user/stratus-red-team-backdoor-u-user");
            assertThat(a.principal()).isEqualTo("arn:aws:iam::" + account + ":user/christophe");
            assertThat(a.unusual()).isEqualTo("CreateAccessKey by arn:aws:iam::" + account
                    + ":user/christophe for user stratus-red-team-backdoor-u-user (new key AKIAL80DWDVKKM0UXEER)");
        });
    }

    @Test
    void shouldFireForTheStratusLoginProfileButNotForItsFailedDelete() {
        String file = "aws.persistence.iam-create-user-login-profile.json";

        assertThat(alerts(file)).singleElement().satisfies(a -> {
            assertThat(a.entity()).endsWith(":user/stratus-red-team-login-profile-user").startsWith("login-profile");
            assertThat(a.unusual()).startsWith("CreateLoginProfile by ");
        });
    }

    @Test
    void shouldFireForTheStratusLoginProfileUpdate() {
        assertThat(alerts("aws.privilege-escalation.iam-update-user-login-profile.json")).singleElement()
                .satisfies(a -> assertThat(a.unusual()).startsWith("UpdateLoginProfile by "));
    }

    @Test
    void shouldFireForTheStratusBackdoorRoleTrustingAnExternalAccount() {
        String file = "aws.persistence.iam-backdoor-role.json";
        String role = "arn:aws:iam::" + StratusObservations.account(file) + ":role/stratus-red-team-backdoor-r-role";

        assertThat(alerts(file)).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.role()).isEqualTo(role);
            assertThat(a.entity()).isEqualTo("trust of " + role + " -> arn:aws:iam::193672423079:root");
            assertThat(a.unusual()).as("the ec2.amazonaws.com service principal is not an account")
                    .isEqualTo("UpdateAssumeRolePolicy lets arn:aws:iam::193672423079:root assume " + role);
        });
    }

    @Test
    void shouldFireForTheStratusBackdoorRoleCreatedWithAnExternalTrust() {
        String file = "aws.persistence.iam-create-backdoor-role.json";

        assertThat(alerts(file)).singleElement().satisfies(a -> assertThat(a.role())
                .as("the ARN from CreateRole's response").isEqualTo("arn:aws:iam::"
                        + StratusObservations.account(file) + ":role/stratus-red-team-malicious-iam-role"));
    }

    /**
     * Decided: the new admin user's access key is a standing path created for another user, so it fires; CreateUser
     * and AttachUserPolicy are not access paths by themselves (privilege is another detector's concern).
     */
    @Test
    void shouldFireOnlyForTheAccessKeyOfTheStratusAdminUser() {
        assertThat(alerts("aws.persistence.iam-create-admin-user.json")).singleElement().satisfies(a -> {
            assertThat(a.entity()).endsWith(":user/malicious-iam-user").startsWith("access-key");
            assertThat(a.eventIds()).containsExactly("94faedcc-0fa4-46e6-9322-022e8e934f04");
        });
    }

    // Built records.

    @Test
    void shouldBeCriticalWhenATrustPolicyAllowsAnyone() {
        var event = CloudTrailEvent.byUser(ADMIN_USER).iam("UpdateAssumeRolePolicy")
                .requestParameter("roleName", "Deploy")
                .requestParameter("policyDocument", trust("\"*\""));

        assertThat(evaluate(event)).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.role()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/Deploy");
        });
    }

    @Test
    void shouldReadAUrlEncodedTrustPolicy() {
        String encoded = URLEncoder.encode(trust("[\"arn:aws:iam::" + ACCOUNT + ":root\", \"999988887777\"]"),
                StandardCharsets.UTF_8);
        var event = CloudTrailEvent.byUser(ADMIN_USER).iam("CreateRole").requestParameter("roleName", "Partner")
                .requestParameter("assumeRolePolicyDocument", encoded);

        assertThat(evaluate(event)).hasValueSatisfying(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.unusual()).isEqualTo("CreateRole lets 999988887777 assume arn:aws:iam::" + ACCOUNT
                    + ":role/Partner");
        });
    }

    @Test
    void shouldFireWhenARoleSessionCreatesAKeyForAUser() {
        var event = CloudTrailEvent.byRoleSession("arn:aws:iam::" + ACCOUNT + ":role/Automation", "run-1")
                .iam("CreateAccessKey").requestParameter("userName", "admin");

        assertThat(evaluate(event)).isPresent();
    }

    @Test
    void shouldStayQuietWhenAUserCreatesItsOwnKey() {
        var implicit = CloudTrailEvent.byUser(ADMIN_USER).iam("CreateAccessKey");
        var explicit = CloudTrailEvent.byUser(ADMIN_USER).iam("CreateAccessKey").requestParameter("userName", "Admin");

        assertThat(evaluate(implicit)).as("no userName: the caller's own key").isEmpty();
        assertThat(evaluate(explicit)).as("IAM user names ignore case").isEmpty();
    }

    @Test
    void shouldStayQuietForATrustPolicyNamingOnlyKnownAccountsAndServices() {
        String principals = "[\"arn:aws:iam::222233334444:role/Deployer\", \"" + VENDOR
                + "\", \"AROAEXAMPLEUNIQUEID\"]";
        var event = CloudTrailEvent.byUser(ADMIN_USER).iam("UpdateAssumeRolePolicy")
                .requestParameter("roleName", "Deploy")
                .requestParameter("policyDocument", trust(principals).replace("\"Principal\": {",
                        "\"Principal\": {\"Service\": \"ec2.amazonaws.com\", "));

        assertThat(evaluate(event)).isEmpty();
    }

    @Test
    void shouldStayQuietWhenTheCallWasRefused() {
        var event = CloudTrailEvent.byUser(ADMIN_USER).iam("CreateAccessKey").requestParameter("userName", "bob")
                .denied();

        assertThat(evaluate(event)).isEmpty();
    }

    @Test
    void shouldStayQuietForAPolicyThatIsNotJson() {
        var event = CloudTrailEvent.byUser(ADMIN_USER).iam("UpdateAssumeRolePolicy")
                .requestParameter("roleName", "Deploy").requestParameter("policyDocument", "%7Bnot a policy");

        assertThat(evaluate(event)).isEmpty();
    }

    @Test
    void shouldStayQuietForStratusDetonationsThatCreateNoPath() {
        for (String file : List.of("aws.initial-access.console-login-without-mfa.json",
                "aws.persistence.sts-federation-token.json", "aws.persistence.rolesanywhere-create-trust-anchor.json",
                "aws.persistence.lambda-backdoor-function.json")) {
            assertThat(alerts(file)).as(file).isEmpty();
        }
    }

    private static String trust(String awsPrincipals) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + awsPrincipals + "}, \"Action\": \"sts:AssumeRole\"}]}";
    }

    private static Optional<Alert> evaluate(CloudTrailEvent event) {
        return detector(Settings.of(ORG)).evaluate(TestObservations.of(event));
    }

    private static List<Alert> alerts(String stratusFile) {
        AccessPathCreatedDetector detector = detector(StratusObservations.settings(stratusFile));
        return StratusObservations.of(stratusFile).stream().map(detector::evaluate).flatMap(Optional::stream).toList();
    }

    private static AccessPathCreatedDetector detector(Settings settings) {
        return new AccessPathCreatedDetector(new DetectorSettings(AccessPathCreatedDetector.INFO.id(), settings));
    }
}
