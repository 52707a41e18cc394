package dev.roletrail.streams.detect;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.kstream.ValueMapper;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.identity.Observation;

/** Runs the stateless detectors it is given (the catalogue's, {@code DetectorCatalog.stateless}) on each observation. */
public final class StatelessDetectors implements ValueMapper<Observation, List<Alert>> {

    private final List<EventDetector> detectors;

    public StatelessDetectors(List<EventDetector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    @Override
    public List<Alert> apply(Observation observation) {
        List<Alert> alerts = new ArrayList<>(1);
        for (EventDetector detector : detectors) {
            detector.evaluate(observation).ifPresent(alerts::add);
        }
        return alerts;
    }

    public List<DetectorInfo> infos() {
        return detectors.stream().map(EventDetector::info).toList();
    }
}
