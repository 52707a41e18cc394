package dev.roletrail.streams.identity;

import dev.roletrail.schemas.identity.Session;

/** What the lineage step emits: an enriched event, or a session it saw issued. Exactly one is set. */
public record LineageOutput(Observation observation, Session issued) {

    public LineageOutput {
        if ((observation == null) == (issued == null)) {
            throw new IllegalArgumentException("exactly one of observation and issued must be set");
        }
    }

    public boolean isObservation() {
        return observation != null;
    }
}
