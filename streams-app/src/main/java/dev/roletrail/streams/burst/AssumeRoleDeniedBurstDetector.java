package dev.roletrail.streams.burst;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.Texts;
import dev.roletrail.streams.identity.AssumeRoleCall;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code assume-role-denied-burst}: for a principal's AssumeRole* calls in the window W = (end − window, end], end
 * being the latest call's event time, burst(W) = denied(W) ≥ denials ∨ |distinct roles tried in W| ≥ distinct-roles.
 * Fires on the call that makes burst(W) true (it was false without that call), so a burst that stays above the
 * thresholds fires once, not once per call; the window ends at the latest call, so calls delivered out of order
 * within it still add up.
 * HIGH instead of MEDIUM when both the denials and the distinct roles reach their thresholds.
 */
public final class AssumeRoleDeniedBurstDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "assume-role-denied-burst",
            "Burst of refused role assumptions or role enumeration",
            Severity.MEDIUM,
            List.of("T1087.004", "T1069.003", "T1110"),
            "Find out what runs as the origin identity (script, scanner or intruder); if it is not a known tool, "
                    + "revoke its credentials and review which roles it probed and whether any assumption succeeded.");

    private final int denials;
    private final int distinctRoles;
    private final Duration window;

    public AssumeRoleDeniedBurstDetector(DetectorSettings settings) {
        this.denials = settings.integer("denials", 10, 1, 10_000);
        this.distinctRoles = settings.integer("distinct-roles", 5, 2, 1_000);
        this.window = settings.duration("window", Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofDays(1));
    }

    public DetectorInfo info() {
        return INFO;
    }

    /** The state after the observation, with the window and caps this detector needs. */
    public AssumeAttempts next(AssumeAttempts before, AssumeRoleCall call) {
        return before == null
                ? AssumeAttempts.first(call, window, denials, distinctRoles)
                : before.record(call, window, denials, distinctRoles);
    }

    /** @param before the principal's recent calls before this event, or null when there are none */
    public Optional<Alert> evaluate(AssumeAttempts before, Observation observation) {
        Optional<AssumeRoleCall> maybeCall = observation.assumeRoleCall();
        if (maybeCall.isEmpty()) {
            return Optional.empty();
        }
        AssumeRoleCall call = maybeCall.get();
        AssumeAttempts after = next(before, call);
        Instant end = after.latest();
        boolean wasBurst = before != null && (before.deniedWithin(end, window) >= denials
                || before.rolesWithin(end, window).size() >= distinctRoles);
        int denied = after.deniedWithin(end, window);
        List<String> roles = after.rolesWithin(end, window);
        boolean denialBurst = denied >= denials;
        boolean enumeration = roles.size() >= distinctRoles;
        if (wasBurst || !(denialBurst || enumeration)) {
            return Optional.empty();
        }
        Severity severity = denialBurst && enumeration ? INFO.severity().raise() : INFO.severity();
        String span = Texts.duration(window);
        return Optional.of(AlertFactory.alert(INFO, severity, observation.principal().id(), observation,
                call.roleArn(),
                "fewer than " + denials + " refused AssumeRole* calls and fewer than " + distinctRoles
                        + " distinct roles tried within " + span,
                Texts.count(denied, "refused AssumeRole* call") + " and " + Texts.count(roles.size(), "distinct role")
                        + " tried within " + span
                        + " up to " + end + ": " + String.join(", ", roles)));
    }

    public Duration window() {
        return window;
    }
}
