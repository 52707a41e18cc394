package dev.roletrail.streams.identity;

import java.util.Objects;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.Principal;

/**
 * One CloudTrail event as the detectors see it: the record, its acting principal and its lineage.
 * Key in the topology: the principal id.
 */
public record Observation(CloudTrailRecord event, Principal principal, Lineage lineage) {

    public Observation {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(lineage, "lineage");
    }

    /** The access key the call was signed with, or null (console sessions and some services sign without one). */
    public String accessKeyId() {
        String key = event.userIdentity() == null ? null : event.userIdentity().accessKeyId();
        return key == null || key.isBlank() ? null : key;
    }

    /** Long-term keys start with AKIA; temporary (session) keys with ASIA. */
    public boolean longTermKey() {
        String key = accessKeyId();
        return key != null && key.startsWith("AKIA");
    }

    public boolean temporaryKey() {
        String key = accessKeyId();
        return key != null && key.startsWith("ASIA");
    }

    public String network() {
        return Networks.of(event);
    }
}
