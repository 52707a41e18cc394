package dev.roletrail.streams.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.detect.AlertFactory;
import dev.roletrail.streams.detect.DetectorInfo;
import dev.roletrail.streams.detect.DetectorInfo.Judgement;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.identity.Observation;

/**
 * {@code role-chain}: a role session assumes another role and the resulting chain
 * origin → role₁ → … → roleₙ is unusual: n &gt; max depth (HIGH), or some role appears twice (HIGH), or, once the
 * acting role has been seen chaining for the learning period, a path never seen before (MEDIUM).
 * <p>
 * The learning period runs from the role's first chaining in event time, which need not be the first to reach this
 * task: each chaining call waits for its session, issued by another task, so in a backfill the calls arrive in the
 * order those tasks ran. A new path that came while the role seemed to be learning is kept pending
 * ({@link PendingChainPath}) and alerted once the role's earlier chaining shows the learning was over by then.
 */
public final class RoleChainDetector {

    public static final DetectorInfo INFO = new DetectorInfo(
            "role-chain",
            "Unusual role chain",
            Severity.MEDIUM,
            List.of("T1548", "T1078.004", "T1550.001"),
            "Follow the chain back to its origin; confirm each hop is needed, and cut trust policies that let roles "
                    + "assume each other without a business reason.",
            Judgement.BASELINE);

    private final int maxDepth;
    private final Duration learningPeriod;

    public RoleChainDetector(DetectorSettings settings) {
        this.maxDepth = settings.integer("max-depth", 2, 1, 20);
        this.learningPeriod = settings.learningPeriod();
    }

    /**
     * @param issued          the session the chaining call created (its chain ends with the new role)
     * @param pathFirstSeen   when this exact path was first seen from the acting role, or null
     * @param chainFirstSeen  when the acting role was first seen chaining at all, or null
     */
    public Optional<Alert> evaluate(Session issued, Instant pathFirstSeen, Instant chainFirstSeen,
            Observation observation) {
        Optional<Alert> shape = unusualShape(issued, observation);
        if (shape.isPresent()) {
            return shape;
        }
        if (pathFirstSeen == null && chainFirstSeen != null
                && learned(chainFirstSeen, observation.event().eventTime())) {
            return Optional.of(alert(newPath(issued, observation), chainFirstSeen));
        }
        return Optional.empty();
    }

    /** A chain deeper than the maximum, or revisiting a role, whatever the role's history. */
    private Optional<Alert> unusualShape(Session issued, Observation observation) {
        List<String> chain = issued.chain();
        int depth = chain.size() - 1;
        String entity = issued.origin() + " => " + String.join(" -> ", chain.subList(1, chain.size()));
        String path = String.join(" -> ", chain);
        Set<String> seen = new HashSet<>();
        String revisited = chain.stream().filter(p -> !seen.add(p)).findFirst().orElse(null);
        if (revisited != null) {
            return Optional.of(alert(Severity.HIGH, entity, observation, issued,
                    "chains do not revisit a role", "the chain " + path + " returns to " + revisited));
        }
        if (depth > maxDepth) {
            return Optional.of(alert(Severity.HIGH, entity, observation, issued,
                    "chains are at most " + maxDepth + " hops deep", path + " is " + depth + " hops deep"));
        }
        return Optional.empty();
    }

    /**
     * A path the acting role never took, first seen while the role is still learning as far as this task has seen (or
     * never chained): to keep pending, in case the role's earlier chaining arrives later. Empty when
     * {@link #evaluate} alerts or the path is not new.
     */
    public Optional<PendingChainPath> pendingWhileLearning(Session issued, Instant pathFirstSeen,
            Instant chainFirstSeen, Observation observation) {
        if (pathFirstSeen != null || chainFirstSeen != null && learned(chainFirstSeen,
                observation.event().eventTime()) || unusualShape(issued, observation).isPresent()) {
            return Optional.empty(); // known, alerted as new, or alerted for its depth or a revisited role
        }
        return Optional.of(newPath(issued, observation));
    }

    /** Whether a role that first chained at {@code chainFirstSeen} had learned for the learning period by {@code at}. */
    public boolean learned(Instant chainFirstSeen, Instant at) {
        return Duration.between(chainFirstSeen, at).compareTo(learningPeriod) >= 0;
    }

    public Duration learningPeriod() {
        return learningPeriod;
    }

    /** The alert for a new path, given when its acting role first chained. */
    public Alert alert(PendingChainPath path, Instant chainFirstSeen) {
        return AlertFactory.alert(INFO, INFO.severity(), path.entity(), path.evidence(), path.role(),
                "this role has chained since " + chainFirstSeen + ", never along this path",
                "new chain path " + path.path());
    }

    private static PendingChainPath newPath(Session issued, Observation observation) {
        List<String> chain = issued.chain();
        return new PendingChainPath(issued.actingAs(),
                issued.origin() + " => " + String.join(" -> ", chain.subList(1, chain.size())),
                String.join(" -> ", chain), EventEvidence.of(observation));
    }

    private static Alert alert(Severity severity, String entity, Observation observation, Session issued,
            String baseline, String unusual) {
        return AlertFactory.alert(INFO, severity, entity, observation, issued.actingAs(), baseline, unusual);
    }
}
