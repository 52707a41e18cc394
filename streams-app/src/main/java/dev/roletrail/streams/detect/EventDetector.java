package dev.roletrail.streams.detect;

import java.util.Optional;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.identity.Observation;

/** A detector that needs no state of its own: a pure function of one observation. */
public interface EventDetector {

    DetectorInfo info();

    Optional<Alert> evaluate(Observation observation);
}
