package dev.roletrail.streams.identity;

import dev.roletrail.schemas.identity.Session;

/**
 * What the lineage step emits: an enriched event, a session it saw issued, or its watermark (both of the latter for
 * {@code roletrail.sessions}). Exactly one is set.
 */
public record LineageOutput(Observation observation, Session issued, LineageWatermark watermark) {

    public LineageOutput {
        int set = (observation == null ? 0 : 1) + (issued == null ? 0 : 1) + (watermark == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of observation, issued and watermark must be set");
        }
    }

    public static LineageOutput observation(Observation observation) {
        return new LineageOutput(observation, null, null);
    }

    public static LineageOutput issued(Session issued) {
        return new LineageOutput(null, issued, null);
    }

    public static LineageOutput watermark(LineageWatermark watermark) {
        return new LineageOutput(null, null, watermark);
    }

    public boolean isObservation() {
        return observation != null;
    }
}
