package dev.roletrail.streams.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.roletrail.schemas.Strings.firstNonBlank;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.identity.Session;

/**
 * Recognises STS calls that issue temporary credentials (AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity,
 * GetSessionToken, GetFederationToken) and describes the session they create, continuing the caller's lineage.
 */
public final class SessionIssuance {

    /** CloudTrail writes credential expirations like "Jul 18, 2023, 4:07:39 PM" (UTC). */
    private static final DateTimeFormatter EXPIRATION =
            DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US);

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
        String text = event.responseElement("/credentials/expiration");
        if (text != null) {
            try {
                return LocalDateTime.parse(text, EXPIRATION).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException ignored) {
                    // fall through to the requested or default duration
                }
            }
        }
        String seconds = event.requestParameter("durationSeconds");
        long duration = 3600;
        if (seconds != null && seconds.matches("\\d{1,7}")) {
            duration = Long.parseLong(seconds);
        }
        return event.eventTime().plus(Duration.ofSeconds(duration));
    }
}
