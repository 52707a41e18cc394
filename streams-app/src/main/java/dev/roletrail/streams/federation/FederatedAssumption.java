package dev.roletrail.streams.federation;

import java.util.Optional;

import static dev.roletrail.schemas.Strings.firstNonBlank;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.streams.identity.Observation;

/** A successful AssumeRoleWithWebIdentity or AssumeRoleWithSAML: which provider and subject assumed which role. */
public record FederatedAssumption(String role, String provider, String subject) {

    public static Optional<FederatedAssumption> from(Observation observation) {
        CloudTrailRecord event = observation.event();
        String name = event.eventName();
        if (event.failed() || !"sts.amazonaws.com".equals(event.eventSource())
                || !("AssumeRoleWithWebIdentity".equals(name) || "AssumeRoleWithSAML".equals(name))) {
            return Optional.empty();
        }
        String role = event.requestParameter("roleArn");
        if (role == null) {
            return Optional.empty();
        }
        UserIdentity identity = event.userIdentity();
        String provider = firstNonBlank(identity == null ? null : identity.identityProvider(),
                event.responseElement("/provider"), event.responseElement("/issuer"), "unknown");
        String subject = firstNonBlank(identity == null ? null : identity.userName(),
                event.responseElement("/subjectFromWebIdentityToken"), event.responseElement("/subject"), "unknown");
        return Optional.of(new FederatedAssumption(role, provider, subject));
    }
}
