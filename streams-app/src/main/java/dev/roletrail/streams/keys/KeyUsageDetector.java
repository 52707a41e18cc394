package dev.roletrail.streams.keys;

import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.identity.Observation;

/** A detector that judges a call signed with a long-term access key against that key's usage before the call. */
public interface KeyUsageDetector {

    DetectorInfo info();

    /** @param before the key's usage before this call, or null when the key was never seen */
    Optional<Alert> evaluate(KeyUsage before, Observation observation);
}
