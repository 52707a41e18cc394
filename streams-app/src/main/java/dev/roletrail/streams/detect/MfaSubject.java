package dev.roletrail.streams.detect;

import java.util.Optional;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.identity.Observation;

/**
 * Whose MFA a record can speak for: a person who signs in to AWS itself.
 * <ul>
 *   <li>An IAM user, with its long-term key or in its console session: IAM users are people's identities (a
 *       workload still on a user's key belongs in the detector's allowlist, or better in a role).</li>
 *   <li>A role session whose lineage begins at an IAM user (its start was seen): its {@code mfaAuthenticated} is
 *       that user's, carried along the chain.</li>
 * </ul>
 * Not counted: root ({@code root-activity}'s), AWS services and EC2 instance roles, web identities (workloads all),
 * and sessions that began before the data (no telling who). SAML and Identity Center users
 * ({@code AssumeRoleWithSAML}, {@code AWSReservedSSO_} roles) are people, but they pass MFA at their identity
 * provider: CloudTrail's {@code mfaAuthenticated} and {@code MFAUsed} speak of IAM's own MFA and say no for them
 * whatever the provider required, so their records are no evidence either way. User agents decide nothing: people
 * script with SDKs, and a client calls itself what it likes.
 */
final class MfaSubject {

    private MfaSubject() {
    }

    /** Why the caller is a person for the MFA rule ("IAM user", "session of IAM user …"), or empty. */
    static Optional<String> person(Observation observation) {
        PrincipalType type = observation.principal().type();
        if (type == PrincipalType.IAM_USER) {
            return Optional.of("IAM user");
        }
        String origin = observation.lineage().origin();
        if (type == PrincipalType.ROLE && observation.lineage().sessionKnown() && iamUser(origin)) {
            return Optional.of("session begun by IAM user " + origin);
        }
        return Optional.empty();
    }

    /** A successful console sign-in of an IAM user that AWS logged as made without MFA. */
    static boolean consoleSignInWithoutMfa(Observation observation) {
        CloudTrailRecord event = observation.event();
        return "signin.amazonaws.com".equals(event.eventSource()) && "ConsoleLogin".equals(event.eventName())
                && !event.failed() && !"Failure".equals(event.responseElement("/ConsoleLogin"))
                && observation.principal().type() == PrincipalType.IAM_USER
                && event.additionalEventData() != null
                && "No".equalsIgnoreCase(event.additionalEventData().path("MFAUsed").asText(""));
    }

    private static boolean iamUser(String principal) {
        return principal.startsWith("arn:") && principal.contains(":iam::") && principal.contains(":user/");
    }
}
