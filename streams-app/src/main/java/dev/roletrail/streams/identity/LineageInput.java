package dev.roletrail.streams.identity;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.identity.Session;

/** What the lineage step reads: a CloudTrail event, or a session issued earlier. Exactly one is set. */
public record LineageInput(CloudTrailRecord event, Session session) {

    public LineageInput {
        if ((event == null) == (session == null)) {
            throw new IllegalArgumentException("exactly one of event and session must be set");
        }
    }

    public static LineageInput event(CloudTrailRecord event) {
        return new LineageInput(event, null);
    }

    public static LineageInput session(Session session) {
        return new LineageInput(null, session);
    }
}
