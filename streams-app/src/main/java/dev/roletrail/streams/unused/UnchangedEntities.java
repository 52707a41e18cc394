package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a findings task remembers of its last evaluation of each entity, so a pass can skip the entities whose
 * findings cannot have changed: no use recorded for them since, the same inventory and observation start, and no
 * time threshold passed ({@link Horizon}). On an organisation's trail most entities are idle on most days (unused
 * roles are what the findings are for), and evaluating one reads all its usage rows and assumers and builds its
 * least-privilege policies again.
 * <p>
 * Memory only, one per task, a few hundred bytes per entity: a task started or moved remembers nothing and evaluates
 * everything on its first pass. Skipping gives the same findings as evaluating, so what was remembered never shows in
 * the output. Use is counted by the entity the usage rows are kept under (its ARN), which may differ from its
 * inventory key (a credential report row).
 */
final class UnchangedEntities {

    private record Remembered(String used, long tick, Instant horizon) {
    }

    /** Counts recorded uses: a use after an evaluation has a higher tick than the evaluation remembered. */
    private long tick;
    private final Map<String, Long> lastUse = new HashMap<>();
    private final Map<String, Remembered> evaluated = new HashMap<>();
    private Instant observedSince;
    private long inventoryChanges = -1;

    /** Use of {@code entity} was recorded: its findings may have changed. */
    void used(String entity) {
        lastUse.put(entity, ++tick);
    }

    /**
     * Forgets every evaluation made against another inventory or observation start than the pass's: both feed every
     * entity's findings.
     */
    void holdFor(Instant passObservedSince, long passInventoryChanges) {
        if (!Objects.equals(observedSince, passObservedSince) || inventoryChanges != passInventoryChanges) {
            evaluated.clear();
            lastUse.clear();
            observedSince = passObservedSince;
            inventoryChanges = passInventoryChanges;
        }
    }

    /**
     * Whether the entity under {@code key}, whose use is recorded under {@code used}, was evaluated since its last use
     * and its findings hold at {@code at}.
     */
    boolean unchanged(String key, String used, Instant at) {
        Remembered last = evaluated.get(key);
        if (last == null || !last.used().equals(used)) {
            return false;
        }
        Long usedAt = lastUse.get(used);
        return (usedAt == null || usedAt <= last.tick()) && (last.horizon() == null || at.isBefore(last.horizon()));
    }

    /** The entity was just evaluated; its findings hold until {@code horizon} (null: for ever) on the same inputs. */
    void evaluated(String key, String used, Instant horizon) {
        evaluated.put(key, new Remembered(used, tick, horizon));
    }
}
