package dev.roletrail.streams.session;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a temporary key was first used (store {@code session-use}, key: the temporary key id).
 *
 * @param firstNetwork the network of its first observed call that came from a network (not an AWS service)
 */
public record SessionUse(String keyId, String firstNetwork, Instant firstUsed, Instant lastUsed) {

    public SessionUse {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(firstNetwork, "firstNetwork");
    }

    public SessionUse use(Instant at) {
        return new SessionUse(keyId, firstNetwork, firstUsed, at.isAfter(lastUsed) ? at : lastUsed);
    }
}
