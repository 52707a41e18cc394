package dev.roletrail.streams.identity;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.identity.Session;

/**
 * What the lineage step reads: a CloudTrail event, a session issued earlier, or another lineage task's watermark.
 * Exactly one is set.
 */
public record LineageInput(CloudTrailRecord event, Session session, LineageWatermark watermark) {

    public LineageInput {
        int set = (event == null ? 0 : 1) + (session == null ? 0 : 1) + (watermark == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of event, session and watermark must be set");
        }
    }

    public static LineageInput event(CloudTrailRecord event) {
        return new LineageInput(event, null, null);
    }

    public static LineageInput session(Session session) {
        return new LineageInput(null, session, null);
    }

    public static LineageInput watermark(LineageWatermark watermark) {
        return new LineageInput(null, null, watermark);
    }
}
