package dev.roletrail.streams.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.roletrail.schemas.Strings.firstNonBlank;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.CredentialExpiration;
import dev.roletrail.schemas.identity.Session;

/**
 * Recognises STS calls that issue temporary credentials (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity,
 * GetSessionToken, GetFederationToken) and describes the session they create, continuing the caller's lineage.
 */
public final class SessionIssuance {

    private SessionIssuance() {
    }

    public static Optional<Session> from(Observation observation) {
        CloudTrailRecord event = observation.event();
        if (!"sts.amazonaws.com".equals(event.eventSource()) || event.failed()) {
            return Optional.empty();
        }
        String keyId = event.responseElement("/credentials/accessKeyId");
        if (keyId == null || keyId.isBlank()) {
            return Optional.empty();
        }
        String actingAs = actingAs(observation);
        if (actingAs == null) {
            return Optional.empty();
        }
        Lineage caller = observation.lineage();
        List<String> chain = new ArrayList<>(caller.chain());
        if (!chain.get(chain.size() - 1).equals(actingAs)) {
            chain.add(actingAs);
        }
        String sourceIdentity = firstNonBlank(event.requestParameter("sourceIdentity"), caller.sourceIdentity());
        return Optional.of(new Session(keyId, actingAs, caller.origin(), chain, sourceIdentity, event.eventName(),
                event.requestParameter("roleSessionName"), event.eventTime(), expiration(event),
                observation.network(), event.eventId()));
    }

    private static String actingAs(Observation observation) {
        CloudTrailRecord event = observation.event();
        String name = event.eventName();
        if (RoleAssumption.CALLS.contains(name)) {
            return event.requestParameter("roleArn");
        }
        if ("GetSessionToken".equals(name)) {
            return observation.principal().id();
        }
        if ("GetFederationToken".equals(name)) {
            return event.responseElement("/federatedUser/arn");
        }
        return null;
    }

    private static Instant expiration(CloudTrailRecord event) {
        Optional<Instant> written = CredentialExpiration.parse(event.responseElement("/credentials/expiration"));
        if (written.isPresent()) {
            return written.get();
        }
        String seconds = event.requestParameter("durationSeconds");
        long duration = 3600;
        if (seconds != null && seconds.matches("\\d{1,7}")) {
            duration = Long.parseLong(seconds);
        }
        return event.eventTime().plus(Duration.ofSeconds(duration));
    }
}
