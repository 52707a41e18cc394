package dev.roletrail.streams.unused;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;

import dev.roletrail.streams.state.DecodedCache;

/**
 * A findings task's observed use, in its stores: {@link UsageRows} ({@code findings-usage}) and the per-assumer
 * actions of its roles ({@code findings-assumer-actions}); what a signal records and what an evaluation reads. Each use
 * recorded also tells {@link UnchangedEntities} that the entity's findings may have changed.
 */
final class StoreUsage implements FindingsEvaluator.UsageSource {

    private final UsageRows rows;
    private final DecodedCache<AssumerActions> assumerActions;
    private final UnchangedEntities unchanged = new UnchangedEntities();

    StoreUsage(UsageRows rows, DecodedCache<AssumerActions> assumerActions) {
        this.rows = rows;
        this.assumerActions = assumerActions;
    }

    /** The entities evaluated since their last recorded use, as far as this task remembers. */
    UnchangedEntities unchanged() {
        return unchanged;
    }

    UsageRows rows() {
        return rows;
    }

    /** Records a use: the entity's rows and, for a role session's call, the actions of the session's assumer. */
    void record(UsageSignal signal) {
        unchanged.used(signal.entity());
        rows.record(signal);
        if (!signal.assumption() && signal.assumer() != null && signal.action() != null) {
            String key = AssumerActions.key(signal.entity(), signal.assumer());
            AssumerActions edge = assumerActions.get(key);
            AssumerActions next = (edge == null ? new AssumerActions(signal.entity(), signal.assumer(), null) : edge)
                    .with(signal.action(), signal.at());
            if (next != edge) {
                assumerActions.put(key, next);
            }
        }
    }

    @Override
    public EntityUsage usage(String entity) {
        return rows.read(entity);
    }

    @Override
    public List<AssumerActions> assumers(String role) {
        List<AssumerActions> edges = new ArrayList<>();
        // Keys are role + NUL + assumer: the range [role NUL, role \u0001) holds exactly this role's assumers.
        try (KeyValueIterator<String, AssumerActions> range =
                assumerActions.store().range(role + "\u0000", role + "\u0001")) {
            range.forEachRemaining(entry -> edges.add(entry.value));
        }
        return edges;
    }

    @Override
    public List<String> usedEntities() {
        return rows.entities();
    }
}
