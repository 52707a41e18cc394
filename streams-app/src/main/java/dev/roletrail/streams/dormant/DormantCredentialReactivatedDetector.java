package dev.roletrail.streams.dormant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.Texts;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.keys.KeyUsageDetector;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.profile.ProfileDetector;

/**
 * {@code dormant-credential-reactivated}: an IAM user, a role or a long-term access key acts at event time t with
 * t − lastActive ≥ dormancy, lastActive being its latest activity before this event (so a late event, with t before
 * lastActive, never fires; nor does a credential never seen before).
 * <p>
 * Users and roles are judged on their profile (MEDIUM), keys on their usage (HIGH: an old key in use again is the
 * classic sign of a leaked key). A user's call signed with a long-term key is left to the key: the user is active
 * whenever its key is, so the key was idle at least as long, and one reactivation gives one alert, not two. The one
 * case this leaves unjudged is a dormant user's first call with a key never seen before.
 * <p>
 * It reads two states, a principal's profile and a key's usage, so it has a package of its own above both
 * {@code profile} and {@code keys}: each of their processors calls it through its own interface
 * ({@link ProfileDetector}, {@link KeyUsageDetector}) and neither knows it; the topology hands one instance to both.
 */
public final class DormantCredentialReactivatedDetector implements ProfileDetector, KeyUsageDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "dormant-credential-reactivated",
            "Dormant credential used again",
            Severity.MEDIUM,
            List.of("T1078.004"),
            "Ask the owner whether this use is theirs; if not, deactivate the access key (or revoke the role's "
                    + "sessions), and either way remove credentials nobody needs.",
            Judgement.BASELINE);

    private final Duration dormancy;

    public DormantCredentialReactivatedDetector(DetectorSettings settings) {
        this.dormancy = settings.duration("dormancy", Duration.ofDays(90), Duration.ofDays(1), Duration.ofDays(3650));
    }

    @Override
    public DetectorInfo info() {
        return INFO;
    }

    /** A user or role whose profile was last active a dormancy period or more before this event. */
    @Override
    public Optional<Alert> evaluate(PrincipalProfile before, Observation observation) {
        PrincipalType type = observation.principal().type();
        if (before == null || !(type == PrincipalType.IAM_USER || type == PrincipalType.ROLE)
                || type == PrincipalType.IAM_USER && observation.longTermKey()) {
            return Optional.empty();
        }
        Duration idle = Duration.between(before.lastSeen(), observation.event().eventTime());
        if (idle.compareTo(dormancy) < 0) {
            return Optional.empty();
        }
        String what = type == PrincipalType.ROLE ? "role" : "user";
        return Optional.of(AlertFactory.alert(INFO, INFO.severity(), before.principal(), observation,
                type == PrincipalType.ROLE ? before.principal() : null,
                what + " active from " + before.firstSeen() + " to " + before.lastSeen() + " ("
                        + Texts.count(before.events(), "event") + "), then idle; dormant after " + Texts.days(dormancy),
                call(observation) + " after " + Texts.days(idle) + " idle"));
    }

    /** A long-term key last used a dormancy period or more before this call. */
    @Override
    public Optional<Alert> evaluate(KeyUsage before, Observation observation) {
        if (before == null || !observation.longTermKey()) {
            return Optional.empty();
        }
        Instant at = observation.event().eventTime();
        Duration idle = Duration.between(before.lastUsed(), at);
        if (idle.compareTo(dormancy) < 0) {
            return Optional.empty();
        }
        return Optional.of(AlertFactory.alert(INFO, INFO.severity().raise(), before.keyId(), observation, null,
                "key of " + before.owner() + " used from " + before.firstUsed() + " to " + before.lastUsed() + " ("
                        + Texts.count(before.uses(), "call") + "), then idle; dormant after " + Texts.days(dormancy),
                call(observation) + " signed with " + before.keyId() + " from " + observation.network() + " after "
                        + Texts.days(idle) + " idle"));
    }

    private static String call(Observation observation) {
        return observation.event().eventSource() + " " + observation.event().eventName();
    }
}
