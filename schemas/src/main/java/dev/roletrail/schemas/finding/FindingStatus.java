package dev.roletrail.schemas.finding;

/** A finding is open while the access stays unused, and resolved once use resumes (or the entity is gone). */
public enum FindingStatus {
    OPEN,
    RESOLVED
}
