package dev.roletrail.streams.detect;

import java.util.List;
import java.util.Objects;

import dev.roletrail.schemas.alert.Severity;

/**
 * What a detector is: its id, base severity, MITRE ATT&CK techniques, the one-line runbook an analyst gets, and how
 * it judges (the SIEM feed's analytic type).
 */
public record DetectorInfo(String id, String title, Severity severity, List<String> attack, String runbook,
        Judgement judgement) {

    /** How a detector judges an event: by a fixed rule, against a learned per-entity baseline, or statistically. */
    public enum Judgement {
        RULE, BASELINE, STATISTICAL
    }

    public DetectorInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        attack = List.copyOf(attack);
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(judgement, "judgement");
    }

    /** A detector that judges by a fixed rule. */
    public DetectorInfo(String id, String title, Severity severity, List<String> attack, String runbook) {
        this(id, title, severity, attack, runbook, Judgement.RULE);
    }
}
