package dev.roletrail.streams.unused;

import static dev.roletrail.streams.unused.InventoryFixtures.json;
import static dev.roletrail.streams.unused.InventoryFixtures.role;
import static dev.roletrail.streams.unused.InventoryFixtures.trusting;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.streams.detect.SensitiveRoles;

class MfaRequirementTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    private static final String ROOT = "arn:aws:iam::111122223333:root";
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String MFA_PRESENT = "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}";
    private static final Evaluation EVALUATION = new Evaluation(NOW, FindingsSettings.defaults(), null);

    @Test
    void shouldFireForABreakGlassRoleTrustingTheAccountRootWithoutMfa() {
        assertThat(evaluate("BreakGlassAccess", trusting(ROOT))).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(FindingKind.MFA_NOT_REQUIRED_FOR_SENSITIVE_ROLE);
            assertThat(f.kind().id()).isEqualTo("mfa-not-required-for-sensitive-role");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.entity()).isEqualTo("arn:aws:iam::111122223333:role/BreakGlassAccess");
            assertThat(f.entityType()).isEqualTo("role");
            assertThat(f.evidence()).contains(ROOT + " may assume it without MFA (every IAM user of account "
                    + "111122223333)");
        });
    }

    @Test
    void shouldFireForAUserArnAnAccountIdAndAnyone() {
        assertThat(evaluate("PlatformAdmin", trusting(ALICE)))
                .hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        assertThat(evaluate("PlatformAdmin", trusting("111122223333"))).isPresent();
        assertThat(evaluate("PlatformAdmin", statements("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":\"*\"}"))).hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void shouldFireWhenTheMfaConditionIsOnlyOnADenyThatDoesNotRefuseAMissingMfa() {
        String allow = allow(ROOT, null);
        String denyWithMfa = "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Condition\":" + MFA_PRESENT + "}";

        assertThat(evaluate("PlatformAdmin", statements(allow + "," + denyWithMfa))).isPresent();
    }

    @Test
    void shouldStayQuietWhenTheAllowRequiresMfaPresenceOrAge() {
        assertThat(evaluate("BreakGlassAccess", statements(allow(ROOT, MFA_PRESENT)))).isEmpty();
        assertThat(evaluate("BreakGlassAccess", statements(allow(ROOT,
                "{\"Bool\":{\"aws:multifactorauthpresent\":true}}")))).isEmpty();
        assertThat(evaluate("BreakGlassAccess", statements(allow(ROOT,
                "{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}")))).isEmpty();
    }

    @Test
    void shouldFireWhenTheAllowOnlyTestsMfaIfTheKeyExists() {
        // A long-term key's request has no MFA key: IfExists lets it in.
        assertThat(evaluate("BreakGlassAccess", statements(allow(ROOT,
                "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")))).isPresent();
        assertThat(evaluate("BreakGlassAccess", statements(allow(ROOT,
                "{\"NumericLessThanIfExists\":{\"aws:MultiFactorAuthAge\":\"3600\"}}")))).isPresent();
    }

    @Test
    void shouldStayQuietWhenASimpleDenyRefusesEveryAssumptionWithoutMfa() {
        String deny = "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}";

        assertThat(evaluate("BreakGlassAccess", statements(allow(ROOT, null) + "," + deny))).isEmpty();
    }

    @Test
    void shouldStayQuietForServiceAndFederatedPrincipalsAndRoles() {
        assertThat(evaluate("PlatformAdmin", statements("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}"))).isEmpty();
        assertThat(evaluate("PlatformAdmin", statements("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRoleWithSAML\","
                + "\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:saml-provider/Okta\"}}"))).isEmpty();
        assertThat(evaluate("PlatformAdmin", trusting("arn:aws:iam::111122223333:role/Deploy"))).isEmpty();
    }

    @Test
    void shouldStayQuietForARoleThatIsNotSensitive() {
        assertThat(evaluate("Developer", trusting(ROOT))).isEmpty();
    }

    private static Optional<Finding> evaluate(String name, JsonNode trust) {
        return MfaRequirement.evaluate(role(name, NOW, trust, null, null), SensitiveRoles.defaults(), EVALUATION);
    }

    private static String allow(String principal, String condition) {
        return "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"" + principal + "\"}"
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    private static JsonNode statements(String statements) {
        return json("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }
}
