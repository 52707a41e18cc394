package dev.roletrail.streams.unused;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.state.Encoded;

/**
 * One chunk of a findings pass: the next entities this task owns, in key order after the pass's cursor, at most
 * {@code chunk} of them evaluated (and at most {@value #SCAN_FACTOR} × {@code chunk} inventory entries and used
 * entities looked at), so no call holds the task, and its transaction, for long whatever the inventory's size.
 * <p>
 * Entities are the inventory's roles, users and credential-report rows this task owns ({@link Ownership}), and the
 * roles used but missing from the inventory (their use is here, so they are owned), each under its inventory key. Open
 * findings ({@code findings-open}) are kept under {@code <entity key> NUL <finding id>}, so the chunk that covers a
 * key range also covers every open finding of that range: those its evaluation no longer produces are resolved there,
 * including those of entities that left the inventory. When a pass ends, every open finding has been compared with
 * the pass's result exactly once, as a single evaluation of the whole inventory would have.
 * <p>
 * An entity whose findings cannot have changed since this task last evaluated it ({@link UnchangedEntities}) is
 * skipped: its open findings stay as they are. Open findings are read by key ({@link Encoded}); only those compared or
 * resolved are decoded.
 * <p>
 * The identity inventory's views go the same way ({@code findings-identities}, keyed {@code <entity key> NUL
 * <identity id>}): emitted when new or changed, a tombstone when the entity no longer yields them. Entities used but
 * not inventoried now include users, roots, federated subjects and accounts, which have views if no findings. A view
 * that moves from one entity key to another (the root's, once its credential report row is loaded: that side wins)
 * is written after its tombstone when both keys fall in one chunk or the new key comes later, as the root's
 * {@code #credentials} row does; only a root row that leaves the inventory could leave its view tombstoned until the
 * next change.
 */
final class ChunkEvaluator {

    /** How many entries, owned or not, a chunk may look at per entity it may evaluate. */
    static final int SCAN_FACTOR = 8;
    private static final char SEPARATOR = '\u0000';
    /** RocksDB's order of String keys: their UTF-8 bytes, unsigned. */
    private static final Comparator<String> KEY_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    /**
     * What a chunk did: the findings to emit, the last key it covered (null: the pass is complete), the entities it
     * took, and how many of those it skipped as unchanged.
     */
    record Result(List<PassOutput> emitted, String coveredTo, int evaluated, int skipped) {

        boolean passComplete() {
            return coveredTo == null;
        }
    }

    /** An entity to evaluate: an inventory entity, or (entity null) a used role missing from the inventory. */
    private record Entity(String key, InventoryEntity entity) {
    }

    private record Entities(List<Entity> entities, String coveredTo) {
    }

    private final FindingsEvaluator evaluator;
    private final FindingsSettings settings;
    private final Ownership ownership;
    private final int chunk;
    private final KeyValueStore<String, InventoryEntity> inventory;
    private final StoreUsage usage;
    private final KeyValueStore<String, Encoded<Finding>> open;
    private final KeyValueStore<String, Encoded<Identity>> identities;
    private final InventoryChanges inventoryChanges;
    private final UnchangedEntities unchanged;
    /** The directory of the inventory as of {@link #directoryVersion} changes: rebuilt when the inventory moves. */
    private IdentityDirectory directory;
    private long directoryVersion = -1;

    ChunkEvaluator(FindingsEvaluator evaluator, FindingsSettings settings, Ownership ownership,
            KeyValueStore<String, InventoryEntity> inventory, InventoryChanges inventoryChanges, StoreUsage usage,
            KeyValueStore<String, Encoded<Finding>> open, KeyValueStore<String, Encoded<Identity>> identities) {
        this.evaluator = evaluator;
        this.settings = settings;
        this.ownership = ownership;
        this.chunk = settings.evaluationChunk();
        this.inventory = inventory;
        this.inventoryChanges = inventoryChanges;
        this.usage = usage;
        this.unchanged = usage.unchanged();
        this.open = open;
        this.identities = identities;
    }

    /** Evaluates the next chunk of the pass; emitted: resolutions first, then what opened or changed. */
    Result next(EvaluationPass pass) {
        Evaluation evaluation = pass.evaluation(settings);
        // Read before evaluating: an inventory change during the chunk makes the next chunk forget what this one saw.
        unchanged.holdFor(evaluation.observedSince(), inventoryChanges.count());
        StoreInventory lookup = new StoreInventory(inventory, directory());
        Entities next = nextEntities(pass.after(), lookup);
        Evaluated done = evaluate(next.entities(), lookup, evaluation, rowsIn(open, pass.after(), next.coveredTo()),
                rowsIn(identities, pass.after(), next.coveredTo()));
        return new Result(done.emitted(), next.coveredTo(), next.entities().size(), done.skipped());
    }

    /**
     * Evaluates again, at the pass's day, the entities whose use is recorded under one of {@code used} (use of theirs
     * from before that day arrived after it was evaluated): the inventory's roles, users and credential rows of those
     * ARNs, and those of them missing from the inventory. Every other entity's findings hold: their inputs did not
     * change. Emitted as {@link #next} emits; at most as many entities as a chunk, or the caller makes a whole pass.
     */
    List<PassOutput> reevaluate(EvaluationPass pass, Collection<String> used) {
        Evaluation evaluation = pass.evaluation(settings);
        unchanged.holdFor(evaluation.observedSince(), inventoryChanges.count());
        StoreInventory lookup = new StoreInventory(inventory, directory());
        List<Entity> entities = new ArrayList<>();
        for (String arn : new TreeSet<>(used)) {
            for (String key : List.of(arn, arn + UserCredentials.KEY_SUFFIX)) {
                InventoryEntity entity = inventory.get(key);
                if (entity != null && FindingsEvaluator.evaluated(entity) && entity.arn().equals(arn)) {
                    entities.add(new Entity(key, entity));
                }
            }
            if (!FindingsEvaluator.inventoried(arn, lookup)) {
                entities.add(new Entity(arn, null));
            }
        }
        Map<String, Encoded<Finding>> openBefore = new LinkedHashMap<>();
        Map<String, Encoded<Identity>> viewsBefore = new LinkedHashMap<>();
        for (Entity entity : entities) {
            openBefore.putAll(rowsOf(open, entity.key()));
            viewsBefore.putAll(rowsOf(identities, entity.key()));
        }
        return evaluate(entities, lookup, evaluation, openBefore, viewsBefore).emitted();
    }

    /** What evaluating some entities emitted, and how many of them it skipped as unchanged. */
    private record Evaluated(List<PassOutput> emitted, int skipped) {
    }

    /**
     * Evaluates the entities, then compares with the rows they had (open findings, identity views): every row they
     * may produce again or drop is among them.
     */
    private Evaluated evaluate(List<Entity> entities, StoreInventory lookup, Evaluation evaluation,
            Map<String, Encoded<Finding>> openBefore, Map<String, Encoded<Identity>> viewsBefore) {
        Map<String, Finding> produced = new LinkedHashMap<>();
        Map<String, Identity> views = new LinkedHashMap<>();
        Set<String> skipped = new HashSet<>();
        for (Entity entity : entities) {
            String used = entity.entity() == null ? entity.key() : entity.entity().arn();
            if (unchanged.unchanged(entity.key(), used, evaluation.at())) {
                skipped.add(entity.key());
                continue;
            }
            FindingsEvaluator.EntityFindings findings = entity.entity() == null
                    ? evaluator.evaluateUninventoried(entity.key(), lookup, usage, evaluation)
                    : evaluator.evaluateEntity(entity.entity(), lookup, usage, evaluation);
            unchanged.evaluated(entity.key(), used, findings.horizon());
            findings.findings().forEach(finding -> produced.put(rowKey(entity.key(), finding.id()), finding));
            findings.identities().forEach(view -> views.put(rowKey(entity.key(), view.id()), view));
        }
        List<PassOutput> emitted = new ArrayList<>();
        openBefore.forEach((key, finding) -> {
            if (!produced.containsKey(key) && !skipped.contains(entityOf(key))) {
                open.delete(key);
                emitted.add(PassOutput.of(FindingFactory.resolved(finding.value(), evaluation.at(), "resolved "
                        + Evaluation.day(evaluation.at()) + ": used again, or no longer granted or in the inventory")));
            }
        });
        produced.forEach((key, finding) -> {
            // A lookup, not the range's value: the store keeps what it wrote last decoded, the range has only bytes.
            Encoded<Finding> was = openBefore.containsKey(key) ? open.get(key) : null;
            if (was == null || !FindingFactory.sameContent(was.value(), finding)) {
                open.put(key, Encoded.of(finding));
                emitted.add(PassOutput.of(finding));
            }
        });
        emitted.addAll(identityChanges(views, skipped, viewsBefore, evaluation.at()));
        return new Evaluated(emitted, skipped.size());
    }

    /**
     * The views that are gone (tombstones first: an identity that moved to another entity key in this chunk is then
     * written again after its tombstone), then those new or changed beyond their evaluation time.
     */
    private List<PassOutput> identityChanges(Map<String, Identity> views, Set<String> skipped,
            Map<String, Encoded<Identity>> before, Instant at) {
        List<PassOutput> changes = new ArrayList<>();
        Set<String> stillThere = new HashSet<>();
        views.keySet().forEach(key -> stillThere.add(idOf(key)));
        before.forEach((key, view) -> {
            if (!views.containsKey(key) && !skipped.contains(entityOf(key))) {
                identities.delete(key);
                if (!stillThere.contains(idOf(key))) {
                    changes.add(PassOutput.identity(idOf(key), null));
                }
            }
        });
        views.forEach((key, view) -> {
            Encoded<Identity> was = before.containsKey(key) ? identities.get(key) : null;
            if (was == null || !was.value().evaluatedAt(at).equals(view)) {
                identities.put(key, Encoded.of(view));
                changes.add(PassOutput.identity(view.id(), view));
            }
        });
        return changes;
    }

    /** The inventory's directory, rebuilt (one scan of the global store) only when the inventory changed. */
    private IdentityDirectory directory() {
        long version = inventoryChanges.count();
        if (directory == null || version != directoryVersion) {
            List<InventoryEntity> all = new ArrayList<>();
            try (KeyValueIterator<String, InventoryEntity> range = inventory.all()) {
                range.forEachRemaining(entry -> all.add(entry.value));
            }
            directory = IdentityDirectory.of(all);
            directoryVersion = version;
        }
        return directory;
    }

    /**
     * The rows (open findings, identity views) of the entity keys in (after, coveredTo], undecoded: every one this
     * chunk may produce again or drop is among them.
     */
    private static <V> Map<String, Encoded<V>> rowsIn(KeyValueStore<String, Encoded<V>> store, String after,
            String coveredTo) {
        Map<String, Encoded<V>> found = new LinkedHashMap<>();
        // Entity keys hold no NUL: "<after> \u0001" sorts after every "<after> NUL id" and before any longer key.
        String from = after == null ? null : after + '\u0001';
        String to = coveredTo == null ? null : coveredTo + '\u0001';
        try (KeyValueIterator<String, Encoded<V>> range = store.range(from, to)) {
            range.forEachRemaining(entry -> found.put(entry.key, entry.value));
        }
        return found;
    }

    /** The rows of one entity key, undecoded. */
    private static <V> Map<String, Encoded<V>> rowsOf(KeyValueStore<String, Encoded<V>> store, String entityKey) {
        Map<String, Encoded<V>> found = new LinkedHashMap<>();
        try (KeyValueIterator<String, Encoded<V>> range = store.range(entityKey + SEPARATOR, entityKey + '\u0001')) {
            range.forEachRemaining(entry -> found.put(entry.key, entry.value));
        }
        return found;
    }

    private static String entityOf(String rowKey) {
        return rowKey.substring(0, rowKey.indexOf(SEPARATOR));
    }

    private static String idOf(String rowKey) {
        return rowKey.substring(rowKey.indexOf(SEPARATOR) + 1);
    }

    /**
     * The next owned entities after {@code after}, merged in key order from the inventory and from the used roles,
     * and the last key this chunk covers: the last entity taken when the chunk is full, else the last key either
     * source looked at before stopping short, else null (nothing follows).
     */
    private Entities nextEntities(String after, InventoryLookup lookup) {
        List<Entity> candidates = new ArrayList<>();
        String bound = null;
        int scanned = 0;
        // The smallest key after {@code after}: inventory keys hold no NUL.
        try (KeyValueIterator<String, InventoryEntity> range =
                inventory.range(after == null ? null : after + SEPARATOR, null)) {
            int owned = 0;
            while (range.hasNext() && owned < chunk && scanned < chunk * SCAN_FACTOR) {
                KeyValue<String, InventoryEntity> entry = range.next();
                scanned++;
                bound = entry.key;
                if (FindingsEvaluator.evaluated(entry.value) && ownership.owns(entry.value.arn())) {
                    candidates.add(new Entity(entry.key, entry.value));
                    owned++;
                }
            }
            if (!range.hasNext()) {
                bound = null;
            }
        }
        // An inventoried entity is evaluated as such, from the inventory's side of the merge.
        UsageRows.EntityPage used = usage.rows().entitiesAfter(after,
                entity -> ownership.owns(entity) && !FindingsEvaluator.inventoried(entity, lookup), chunk,
                chunk * SCAN_FACTOR);
        used.entities().forEach(entity -> candidates.add(new Entity(entity, null)));
        if (!used.complete()) {
            bound = bound == null ? used.last() : min(bound, used.last());
        }
        String limit = bound;
        List<Entity> entities = candidates.stream()
                .filter(entity -> limit == null || KEY_ORDER.compare(entity.key(), limit) <= 0)
                .sorted(Comparator.comparing(Entity::key, KEY_ORDER))
                .limit(chunk)
                .toList();
        String coveredTo = entities.size() == chunk ? entities.get(chunk - 1).key() : bound;
        return new Entities(entities, coveredTo);
    }

    private static String min(String a, String b) {
        return KEY_ORDER.compare(a, b) <= 0 ? a : b;
    }

    private static String rowKey(String entityKey, String id) {
        return entityKey + SEPARATOR + id;
    }
}
