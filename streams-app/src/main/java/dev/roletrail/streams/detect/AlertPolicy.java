package dev.roletrail.streams.detect;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import org.apache.kafka.streams.kstream.Predicate;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;

/**
 * The one place that decides whether an alert a detector raised goes out: the detector must be enabled
 * ({@code detector.<id>.enabled}, default true) and the alert must not match the detector's allowlist.
 */
public final class AlertPolicy implements Predicate<String, Alert> {

    private final Settings settings;
    private final Map<String, DetectorSettings> detectors = new ConcurrentHashMap<>();
    private final Map<String, Allowlist> allowlists = new ConcurrentHashMap<>();

    public AlertPolicy(Settings settings) {
        this.settings = settings;
    }

    @Override
    public boolean test(String key, Alert alert) {
        DetectorSettings detector = detectors.computeIfAbsent(alert.detector(), id -> new DetectorSettings(id, settings));
        if (!detector.enabled()) {
            return false;
        }
        return !allowlists.computeIfAbsent(alert.detector(), id -> Allowlist.from(detector)).allows(alert);
    }
}
