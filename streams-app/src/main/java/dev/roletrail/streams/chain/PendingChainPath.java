package dev.roletrail.streams.chain;

import java.time.Instant;
import java.util.Objects;

import dev.roletrail.streams.detect.EventEvidence;

/**
 * A chain path first seen while its acting role, as far as this task had seen, was still learning (store
 * {@code chain-pending}, key as in {@code chain-paths}): kept so that the role's earlier chaining, reaching this task
 * later, can show the learning period was over when the path came. Each chaining call waits for its session, which
 * another task issues, so in a backfill the role's calls reach this task in the order those tasks ran, not in event
 * time.
 *
 * @param role     the acting role
 * @param entity   the alert's entity: origin => roles
 * @param path     the chain, origin first
 * @param evidence the path's first chaining call known
 */
public record PendingChainPath(String role, String entity, String path, EventEvidence evidence) {

    public PendingChainPath {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(evidence, "evidence");
    }

    public Instant firstAt() {
        return evidence.eventTime();
    }

    /** The same path, first seen by an earlier call. */
    PendingChainPath firstSeenBy(EventEvidence earlier) {
        return new PendingChainPath(role, entity, path, earlier);
    }
}
