package dev.roletrail.streams.detect;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.kstream.ValueMapper;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.streams.identity.Observation;

/** Runs every stateless detector on each observation. */
public final class StatelessDetectors implements ValueMapper<Observation, List<Alert>> {

    private final List<EventDetector> detectors;

    public StatelessDetectors(List<EventDetector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** Every stateless detector, configured from the settings. */
    public static StatelessDetectors all(Settings settings) {
        List<EventDetector> detectors = new ArrayList<>();
        // Stateless detectors register here, one line each.
        detectors.add(new UnknownExternalAccountDetector(settingsOf(UnknownExternalAccountDetector.INFO, settings)));
        detectors.add(new SensitiveRoleAssumedDetector(settingsOf(SensitiveRoleAssumedDetector.INFO, settings)));
        detectors.add(new LongSessionRequestedDetector(settingsOf(LongSessionRequestedDetector.INFO, settings)));
        detectors.add(new AccessPathCreatedDetector(settingsOf(AccessPathCreatedDetector.INFO, settings)));
        detectors.add(new RootActivityDetector());
        detectors.add(new SensitiveRoleAssumedWithoutMfaDetector(SensitiveRoles.from(settings)));
        return new StatelessDetectors(detectors);
    }

    private static DetectorSettings settingsOf(DetectorInfo info, Settings settings) {
        return new DetectorSettings(info.id(), settings);
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
