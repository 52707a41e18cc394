package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.schemas.inventory.UserCredentials.AccessKeyReport;
import dev.roletrail.streams.unused.FindingFactory.Target;

/**
 * Findings per active access key of a credential-report row (users and root), the key named
 * {@code <arn>#access-key-<slot>} because the report gives no key id:
 * <ul>
 *   <li>{@code dormant-key}: created (last rotated) ≤ now − dormancy and not used since then, by the report's
 *       last-used date or, when the user has one active key, RoleTrail's observations of its long-term keys;</li>
 *   <li>{@code key-rotation-overdue}: last rotated before now − rotation limit.</li>
 * </ul>
 * Root keys are HIGH: the root should have none.
 */
final class KeyFindings {

    List<Finding> evaluate(UserCredentials credentials, EntityUsage usage, Evaluation e) {
        List<AccessKeyReport> active = credentials.accessKeys().stream().filter(AccessKeyReport::active).toList();
        boolean root = credentials.arn().endsWith(":root");
        List<Finding> findings = new ArrayList<>();
        for (AccessKeyReport key : active) {
            Target target = new Target(credentials.accountId(), credentials.arn() + "#access-key-" + key.slot(),
                    "access-key", null);
            Map.Entry<String, Instant> observed = active.size() == 1 ? latestObservedKey(usage, key) : null;
            Instant lastUsed = RecentItems.latest(key.lastUsed(), observed == null ? null : observed.getValue());
            Instant dormantSince = e.at().minus(e.settings().dormancy());
            boolean oldEnough = key.lastRotated() == null || !key.lastRotated().isAfter(dormantSince);
            if (oldEnough && !e.usedSince(lastUsed, dormantSince)) {
                List<String> evidence = new ArrayList<>();
                evidence.add("key " + key.slot() + " of " + credentials.user() + " active, created "
                        + Evaluation.day(key.lastRotated()) + ", last used " + Evaluation.day(lastUsed));
                if (observed != null) {
                    evidence.add("last seen in CloudTrail as " + observed.getKey());
                }
                findings.add(FindingFactory.open(FindingKind.DORMANT_KEY, root ? Severity.HIGH : Severity.MEDIUM,
                        "Active access key unused for " + e.settings().dormancy().toDays() + " days", target,
                        dormantSince, e.at(), lastUsed, evidence,
                        "Deactivate the key, then delete it if nothing breaks.", null, null));
            }
            Instant rotateBy = e.at().minus(e.settings().keyRotationLimit());
            if (key.lastRotated() != null && key.lastRotated().isBefore(rotateBy)) {
                findings.add(FindingFactory.open(FindingKind.KEY_ROTATION_OVERDUE, root ? Severity.HIGH : Severity.LOW,
                        "Access key older than " + e.settings().keyRotationLimit().toDays() + " days", target,
                        // Its last use, though it moves daily for a key in use: "never" would say the opposite
                        // of the truth, and rotation findings are few (one per old key), so is the re-emission.
                        rotateBy, e.at(), lastUsed,
                        List.of("key " + key.slot() + " of " + credentials.user() + " last rotated "
                                + Evaluation.day(key.lastRotated())),
                        "Create a new key, move its users to it, then deactivate and delete the old one.", null, null));
            }
        }
        return findings;
    }

    /** The most recent long-term key seen for the user since the key slot was last rotated, or null. */
    private static Map.Entry<String, Instant> latestObservedKey(EntityUsage usage, AccessKeyReport key) {
        Map.Entry<String, Instant> latest = null;
        for (Map.Entry<String, Instant> seen : usage.keys().entrySet()) {
            boolean afterRotation = key.lastRotated() == null || !seen.getValue().isBefore(key.lastRotated());
            if (afterRotation && (latest == null || seen.getValue().isAfter(latest.getValue()))) {
                latest = seen;
            }
        }
        return latest;
    }
}
