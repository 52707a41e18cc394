package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.alert.Severity;

/**
 * What a detector is: its id, base severity, MITRE ATT&CK techniques and the one-line runbook an analyst gets.
 */
public record DetectorInfo(String id, String title, Severity severity, List<String> attack, String runbook) {

    public DetectorInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        attack = List.copyOf(attack);
        Objects.requireNonNull(runbook, "runbook");
    }
}
