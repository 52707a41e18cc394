package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.streams.kstream.Predicate;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;

/**
 * The one place that decides whether an alert a detector raised goes out: the detector must be enabled
 * ({@code detector.<id>.enabled}, default true) and the alert must not match the detector's allowlist. Every
 * detector's settings are read when the policy is built, so a wrong value stops the app at start, not at the first
 * alert. The detectors are given (the topology gives the catalogue's), so the framework knows no detector.
 */
public final class AlertPolicy implements Predicate<String, Alert> {

    private final Set<String> enabled;
    private final Map<String, Allowlist> allowlists;

    public AlertPolicy(Settings settings, List<DetectorInfo> detectorInfos) {
        Map<String, DetectorSettings> detectors = detectorInfos.stream().map(DetectorInfo::id)
                .collect(Collectors.toMap(Function.identity(), id -> new DetectorSettings(id, settings)));
        this.enabled = detectors.values().stream().filter(DetectorSettings::enabled).map(DetectorSettings::detectorId)
                .collect(Collectors.toUnmodifiableSet());
        this.allowlists = detectors.values().stream()
                .collect(Collectors.toUnmodifiableMap(DetectorSettings::detectorId, Allowlist::from));
    }

    @Override
    public boolean test(String key, Alert alert) {
        Allowlist allowlist = allowlists.get(alert.detector());
        return enabled.contains(alert.detector()) && (allowlist == null || !allowlist.allows(alert));
    }
}
