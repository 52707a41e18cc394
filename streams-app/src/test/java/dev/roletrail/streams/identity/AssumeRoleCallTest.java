package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;

class AssumeRoleCallTest {

    private static final String ROLE = "arn:aws:iam::111122223333:role/Admin";

    @Test
    void shouldTakeTheRoleOfARefusedCallWithoutRequestParametersFromTheErrorMessage() {
        var refused = refusal("AccessDenied", "User: arn:aws:iam::111122223333:user/mallory is not authorized to "
                + "perform: sts:AssumeRole on resource: " + ROLE + " because no identity-based policy allows the "
                + "sts:AssumeRole action");

        assertThat(AssumeRoleCall.from(TestObservations.of(refused).event()))
                .hasValueSatisfying(call -> {
                    assertThat(call.roleArn()).isEqualTo(ROLE);
                    assertThat(call.denied()).isTrue();
                });
    }

    @Test
    void shouldCountARefusalThatNamesNoRoleAsTheUnknownRole() {
        var refused = refusal("Client.UnauthorizedOperation", "You are not authorized to perform this operation.");

        assertThat(AssumeRoleCall.from(TestObservations.of(refused).event()))
                .hasValueSatisfying(call -> {
                    assertThat(call.roleKnown()).isFalse();
                    assertThat(call.denied()).isTrue();
                });
    }

    @Test
    void shouldIgnoreAnAllowedCallWithoutARole() {
        var allowed = CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/alice")
                .call("sts.amazonaws.com", "AssumeRole");

        assertThat(AssumeRoleCall.from(TestObservations.of(allowed).event())).isEmpty();
    }

    private static CloudTrailEvent refusal(String code, String message) {
        return CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/mallory").call("sts.amazonaws.com", "AssumeRole")
                .field("errorCode", code).field("errorMessage", message);
    }
}
