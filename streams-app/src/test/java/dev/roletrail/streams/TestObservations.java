package dev.roletrail.streams;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.identity.Lineage;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.testkit.CloudTrailEvent;

/** Observations for detector unit tests, from testkit's CloudTrail builders or raw record JSON. */
public final class TestObservations {

    private TestObservations() {
    }

    /** The event as if its principal acted directly (no known session). */
    public static Observation of(CloudTrailEvent event) {
        return of(event.json());
    }

    public static Observation of(String recordJson) {
        CloudTrailRecord record = record(recordJson);
        Principal principal = Principals.of(record);
        return new Observation(record, principal, Lineage.direct(principal, null));
    }

    /** The event as signed in a known session. */
    public static Observation inSession(CloudTrailEvent event, Session session) {
        CloudTrailRecord record = record(event.json());
        return new Observation(record, Principals.of(record), Lineage.of(session));
    }

    public static CloudTrailRecord record(String json) {
        try {
            return Json.mapper().readValue(json, CloudTrailRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
