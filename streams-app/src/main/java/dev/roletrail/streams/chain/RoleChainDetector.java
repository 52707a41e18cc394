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
import dev.roletrail.streams.identity.Observation;

/**
 * {@code role-chain}: a role session assumes another role and the resulting chain
 * origin → role₁ → … → roleₙ is unusual: n &gt; max depth (HIGH), or some role appears twice (HIGH), or, once the
 * acting role has been seen chaining for the learning period, a path never seen before (MEDIUM).
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
        Instant now = observation.event().eventTime();
        if (pathFirstSeen == null && chainFirstSeen != null
                && Duration.between(chainFirstSeen, now).compareTo(learningPeriod) >= 0) {
            return Optional.of(alert(INFO.severity(), entity, observation, issued,
                    "this role has chained since " + chainFirstSeen + ", never along this path",
                    "new chain path " + path));
        }
        return Optional.empty();
    }

    private static Alert alert(Severity severity, String entity, Observation observation, Session issued,
            String baseline, String unusual) {
        return AlertFactory.alert(INFO, severity, entity, observation, issued.actingAs(), baseline, unusual);
    }
}
