package dev.roletrail.schemas.alert;

/** Alert severity, ordered from least to most urgent (the order OCSF's severity_id follows too). */
public enum Severity {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** One step more urgent, capped at {@link #CRITICAL}. */
    public Severity raise() {
        return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
    }
}
