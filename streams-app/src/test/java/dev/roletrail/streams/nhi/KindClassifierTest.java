package dev.roletrail.streams.nhi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.identity.IdentityKind;

class KindClassifierTest {

    private static final String KEY = "AKIAEXAMPLE";
    private static final String OFFICE = "198.51.100.0/24";
    private static final Predicate<String> OUTSIDE = account -> "999988887777".equals(account);

    @Test
    void shouldKnowNothingOfWhatWasNotSeen() {
        assertThat(KindClassifier.ofCredential(List.of()).kind()).isEqualTo(IdentityKind.UNKNOWN);
        assertThat(KindClassifier.ofRole(false, List.of(), OUTSIDE, List.of()).kind())
                .isEqualTo(IdentityKind.UNKNOWN);
    }

    @Test
    void shouldTakeConsoleSignInsAndTheCliInOfficeHoursForAPerson() {
        Verdict verdict = KindClassifier.ofCredential(List.of(new Trait(Trait.PASSWORD, "mozilla", OFFICE, 2),
                new Trait(KEY, "aws-cli", OFFICE, 2), new Trait(KEY, "aws-cli", OFFICE, 3)));

        assertThat(verdict.kind()).isEqualTo(IdentityKind.HUMAN);
        assertThat(verdict.evidence()).containsExactly("signed in to the console",
                "interactive clients: aws-cli, mozilla");
    }

    @Test
    void shouldTakeAnSdkRoundTheClockForAWorkload() {
        List<Trait> traits = new ArrayList<>();
        for (int span = 0; span < 6; span++) {
            traits.add(new Trait(KEY, "boto3", "203.0.113.0/24", span));
        }

        Verdict verdict = KindClassifier.ofCredential(traits);

        assertThat(verdict.kind()).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(verdict.evidence()).containsExactly("SDK or tool clients: boto3",
                "code used in 6 of the day's 6 four-hour spans (UTC)");
    }

    @Test
    void shouldTakeAPersonAndACronJobOnOneKeyForMixed() {
        Verdict verdict = KindClassifier.ofCredential(List.of(new Trait(KEY, "aws-cli", OFFICE, 2),
                new Trait(KEY, "aws-cli", OFFICE, 3), new Trait(KEY, "boto3", "203.0.113.0/24", 5),
                new Trait(KEY, "boto3", "203.0.113.0/24", 5 + Trait.SPANS_PER_DAY)));

        assertThat(verdict.kind()).isEqualTo(IdentityKind.MIXED);
        assertThat(verdict.evidence()).contains("interactive clients: aws-cli", "SDK or tool clients: boto3",
                "code used at weekends outside its person's working hours (08:00–20:00 UTC)");
    }

    @Test
    void shouldLeaveAPersonRunningAScriptAtTheirDeskHumanEvenAtAWeekend() {
        Verdict verdict = KindClassifier.ofCredential(List.of(new Trait(KEY, "aws-cli", OFFICE, 2),
                new Trait(KEY, "aws-cli", OFFICE, 3), new Trait(KEY, "boto3", OFFICE, 2),
                new Trait(KEY, "boto3", OFFICE, 3 + Trait.SPANS_PER_DAY)));

        assertThat(verdict.kind()).isEqualTo(IdentityKind.HUMAN);
    }

    @Test
    void shouldJudgeAKeyBySpansOfItsUsersInteractiveUse() {
        Trait signIn = new Trait(Trait.PASSWORD, "mozilla", OFFICE, 2);
        Trait console = new Trait(Trait.SESSION, "console", OFFICE, 4);
        List<Trait> keyAtWork = List.of(new Trait(KEY, "boto3", OFFICE, 3));
        List<Trait> keyAtNight = List.of(new Trait(KEY, "boto3", OFFICE, Trait.SPANS_PER_DAY));
        List<Trait> keyOnAnEvening = List.of(new Trait(KEY, "boto3", OFFICE, 5));

        Verdict script = KindClassifier.ofCredential(keyAtWork, List.of(signIn, console, keyAtWork.get(0)));
        assertThat(script.kind()).isEqualTo(IdentityKind.HUMAN);
        assertThat(script.evidence()).contains("code only on weekdays or within its person's working hours, 08:00–20:00 UTC");
        assertThat(KindClassifier.ofCredential(keyAtNight, List.of(signIn, console, keyAtNight.get(0))).kind())
                .as("a weekend night: a schedule").isEqualTo(IdentityKind.WORKLOAD);
        assertThat(KindClassifier.ofCredential(keyOnAnEvening, List.of(signIn, console, keyOnAnEvening.get(0)))
                .kind()).as("a weekday evening: working late").isEqualTo(IdentityKind.HUMAN);
        assertThat(KindClassifier.ofCredential(keyAtWork).kind()).as("nobody seen working: code")
                .isEqualTo(IdentityKind.WORKLOAD);
    }

    @Test
    void shouldCallAClientThatTellsNothingCodeUnlessAPersonWorksThen() {
        Trait unknownClient = new Trait(KEY, "curl", OFFICE, 2);

        assertThat(KindClassifier.ofCredential(List.of(unknownClient)).kind()).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(KindClassifier.ofCredential(List.of(unknownClient, new Trait(KEY, "aws-cli", OFFICE, 2))).kind())
                .isEqualTo(IdentityKind.HUMAN);
        assertThat(KindClassifier.ofCredential(List.of(new Trait(Trait.SESSION, "aws internal", "AWS Internal", 2)))
                .kind()).as("only AWS calling").isEqualTo(IdentityKind.AWS_SERVICE);
    }

    @Test
    void shouldTellAServiceLinkedRoleAndARoleOnlyAServiceUsesFromAnInstanceRole() {
        Trait serviceCall = new Trait(Trait.SESSION, "autoscaling.amazonaws.com", "autoscaling.amazonaws.com", 1);
        Trait instanceCall = new Trait(Trait.SESSION, "aws-sdk-java", "10.1.2.0/24", 1);

        assertThat(KindClassifier.ofRole(true, List.of("service:autoscaling.amazonaws.com"), OUTSIDE,
                List.of(instanceCall)).kind()).isEqualTo(IdentityKind.AWS_SERVICE);
        assertThat(KindClassifier.ofRole(false, List.of("service:autoscaling.amazonaws.com"), OUTSIDE,
                List.of(serviceCall)).kind()).isEqualTo(IdentityKind.AWS_SERVICE);
        Verdict instanceRole = KindClassifier.ofRole(false, List.of("service:ec2.amazonaws.com"), OUTSIDE,
                List.of(instanceCall));
        assertThat(instanceRole.kind()).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(instanceRole.evidence()).contains("assumed by ec2.amazonaws.com");
    }

    @Test
    void shouldGiveAPipelinesCliToThePipelineWhenOnlyWorkloadsBeginTheRolesChains() {
        String ci = "web-identity:token.actions.githubusercontent.com/repo:org/app:ref:refs/heads/main";
        Trait cli = new Trait(Trait.SESSION, "aws-cli", "192.0.2.0/24", 3);

        Verdict pipeline = KindClassifier.ofRole(false, List.of("arn:aws:iam::111122223333:role/Deploy", ci), OUTSIDE,
                List.of(cli));
        assertThat(pipeline.kind()).isEqualTo(IdentityKind.WORKLOAD);
        assertThat(pipeline.evidence()).contains("assumed by 1 OIDC workload", "its sessions: interactive clients: "
                + "aws-cli");
        assertThat(KindClassifier.ofRole(false, List.of("arn:aws:iam::111122223333:user/alice"), OUTSIDE,
                List.of(cli)).kind()).as("a person's chain").isEqualTo(IdentityKind.HUMAN);
    }

    @Test
    void shouldJudgeARoleByWhoAssumedIt() {
        String saml = "saml:arn:aws:iam::111122223333:saml-provider/Okta/alice@example.com";
        String ci = "web-identity:token.actions.githubusercontent.com/repo:org/app:ref:refs/heads/main";
        String vendor = "arn:aws:iam::999988887777:role/VendorAudit";

        assertThat(KindClassifier.ofRole(false, List.of(saml), OUTSIDE, List.of()).kind())
                .isEqualTo(IdentityKind.HUMAN);
        assertThat(KindClassifier.ofRole(false, List.of(ci), OUTSIDE, List.of()).kind())
                .isEqualTo(IdentityKind.WORKLOAD);
        assertThat(KindClassifier.ofRole(false, List.of(saml, ci), OUTSIDE, List.of()).kind())
                .isEqualTo(IdentityKind.MIXED);
        Verdict external = KindClassifier.ofRole(false, List.of(vendor, "account:999988887777"), OUTSIDE,
                List.of(new Trait(Trait.SESSION, "boto3", "192.0.2.0/24", 2)));
        assertThat(external.kind()).isEqualTo(IdentityKind.EXTERNAL);
        assertThat(external.evidence()).contains("assumed by 2 principals of other organisations");
        assertThat(KindClassifier.ofRole(false, List.of(vendor, "arn:aws:iam::111122223333:user/alice"), OUTSIDE,
                List.of(new Trait(Trait.SESSION, "aws-cli", OFFICE, 2))).kind()).isEqualTo(IdentityKind.HUMAN);
    }

    @Test
    void shouldCallOidcSubjectsFederatedWorkloadsAndSamlUsersPeople() {
        assertThat(KindClassifier.ofFederated("web-identity:token.actions.githubusercontent.com/repo:o/a:ref:main",
                List.of()).kind()).isEqualTo(IdentityKind.FEDERATED_WORKLOAD);
        assertThat(KindClassifier.ofFederated("saml:arn:aws:iam::111122223333:saml-provider/Okta/alice",
                Set.of(new Trait(Trait.SESSION, "console", OFFICE, 2))).kind()).isEqualTo(IdentityKind.HUMAN);
    }
}
