package dev.roletrail.streams.unused;

import java.util.Objects;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;

/**
 * What a findings pass emits: a finding, for {@code roletrail.findings}, or an identity's view, for
 * {@code roletrail.identities} (null once the identity is gone: a tombstone).
 */
public record PassOutput(Finding finding, String identityId, Identity identity) {

    public PassOutput {
        if ((finding == null) == (identityId == null)) {
            throw new IllegalArgumentException("a finding or an identity id, not both");
        }
    }

    static PassOutput of(Finding finding) {
        return new PassOutput(Objects.requireNonNull(finding, "finding"), null, null);
    }

    static PassOutput identity(String id, Identity view) {
        return new PassOutput(null, Objects.requireNonNull(id, "id"), view);
    }

    public boolean isFinding() {
        return finding != null;
    }

    /** The record key on its topic: the finding id, or the identity id. */
    public String key() {
        return isFinding() ? finding.id() : identityId;
    }
}
