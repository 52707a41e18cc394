package dev.roletrail.streams.detect;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code long-session-requested}: a successful STS call issued a session longer than allowed:
 * <pre>
 * AssumeRole*:                         fires ⇔ duration &gt; limit(role)
 * GetSessionToken, GetFederationToken: fires ⇔ duration &gt; max-default
 * limit(role) = max-sensitive if role ~ org.sensitive-roles, else max-default
 * duration = requestParameters.durationSeconds, or AWS's default when absent:
 *            1 h for AssumeRole*, 12 h for GetSessionToken and GetFederationToken
 * </pre>
 * So an absent duration is 12 h for the two token calls, which is not over the default 12 h limit; and AssumeRole*
 * cannot exceed 12 h (AWS's maximum), so with the defaults only sensitive roles fire for it. Refused calls issue no
 * session and stay silent. Severity MEDIUM, HIGH for a sensitive role.
 */
public final class LongSessionRequestedDetector implements EventDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "long-session-requested",
            "Session longer than allowed requested",
            Severity.MEDIUM,
            List.of("T1550.001", "T1078.004"),
            "Ask the principal's owner why a session this long is needed; if unexplained, revoke the session and "
                    + "lower the role's MaxSessionDuration (or deny long sts:GetSessionToken / GetFederationToken).");

    public static final Duration DEFAULT_MAX_SENSITIVE = Duration.ofHours(1);
    public static final Duration DEFAULT_MAX = Duration.ofHours(12);

    private static final Set<String> ASSUME = Set.of("AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity");
    private static final Set<String> TOKENS = Set.of("GetSessionToken", "GetFederationToken");
    private static final Duration ASSUME_DEFAULT = Duration.ofHours(1);
    private static final Duration TOKEN_DEFAULT = Duration.ofHours(12);
    private static final Duration SHORTEST = Duration.ofMinutes(15);
    private static final Duration LONGEST = Duration.ofHours(36);

    private final Glob sensitive;
    private final Duration maxSensitive;
    private final Duration maxDefault;

    public LongSessionRequestedDetector(DetectorSettings settings) {
        this.sensitive = Glob.of(settings.sensitiveRolePatterns());
        this.maxSensitive = settings.duration("max-sensitive", DEFAULT_MAX_SENSITIVE, SHORTEST, LONGEST);
        this.maxDefault = settings.duration("max-default", DEFAULT_MAX, SHORTEST, LONGEST);
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    @Override
    public Optional<Alert> evaluate(Observation observation) {
        CloudTrailRecord event = observation.event();
        String call = event.eventName();
        if (!"sts.amazonaws.com".equals(event.eventSource()) || event.failed()
                || !(ASSUME.contains(call) || TOKENS.contains(call))) {
            return Optional.empty();
        }
        Optional<Duration> requested = requested(event, ASSUME.contains(call) ? ASSUME_DEFAULT : TOKEN_DEFAULT);
        if (requested.isEmpty()) {
            return Optional.empty();
        }
        String role = ASSUME.contains(call) ? event.requestParameter("roleArn") : null;
        boolean sensitiveRole = role != null && sensitive.matches(role);
        Duration limit = sensitiveRole ? maxSensitive : maxDefault;
        if (requested.get().compareTo(limit) <= 0) {
            return Optional.empty();
        }
        String principal = observation.principal().id();
        return Optional.of(AlertFactory.alert(INFO, sensitiveRole ? INFO.severity().raise() : INFO.severity(),
                role == null ? principal + " " + call : principal + " -> " + role, observation, role,
                "sessions last at most " + hours(limit) + (sensitiveRole ? " for sensitive roles" : ""),
                call + (role == null ? "" : " of " + role) + " requested " + hours(requested.get())));
    }

    /** The requested duration, AWS's default when absent, or empty when the value is not a number of seconds. */
    private static Optional<Duration> requested(CloudTrailRecord event, Duration whenAbsent) {
        String seconds = event.requestParameter("durationSeconds");
        if (seconds == null || seconds.isBlank()) {
            return Optional.of(whenAbsent);
        }
        if (!seconds.strip().matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(seconds.strip())));
    }

    private static String hours(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
