package dev.roletrail.streams.profile;

import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.identity.Observation;

/** A detector that judges an observation against the acting principal's profile as it was before the event. */
public interface ProfileDetector {

    DetectorInfo info();

    /** @param before the profile before this event, or null when the principal was never seen */
    Optional<Alert> evaluate(PrincipalProfile before, Observation observation);
}
