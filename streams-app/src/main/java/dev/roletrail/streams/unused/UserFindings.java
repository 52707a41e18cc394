package dev.roletrail.streams.unused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.finding.FindingKind;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.unused.FindingFactory.Target;
import dev.roletrail.streams.unused.policy.PolicyDocument;

/**
 * A user's findings at one evaluation, t0 = now − tracking period: {@code inactive-user} when created ≤ t0 and no
 * call, console sign-in or key use since t0 (RoleTrail's observations and the credential report's last-used dates);
 * otherwise, with observations covering the period, {@code unused-permissions} over its own and its groups' policies.
 */
final class UserFindings {

    private final PermissionFindings permissions;

    UserFindings(PermissionFindings permissions) {
        this.permissions = permissions;
    }

    List<Finding> evaluate(IamUser user, PolicyDocument policy, EntityUsage usage, UserCredentials credentials,
            Evaluation e) {
        Target target = new Target(user.accountId(), user.arn(), "user", null);
        Instant created = user.createDate() != null ? user.createDate()
                : credentials == null ? null : credentials.userCreationTime();
        Instant lastUsed = RecentItems.latest(usage.lastActive(), reportedLastUse(credentials));
        List<Finding> findings = new ArrayList<>();
        if (!e.olderThanPeriod(created)) {
            return findings;
        }
        if (!e.usedSince(lastUsed, e.periodStart())) {
            findings.add(inactive(user, target, credentials, created, lastUsed, e));
        } else if (e.coversPeriod()) {
            permissions.unused(target, permissions.granted(policy), usage, e).ifPresent(findings::add);
        }
        return findings;
    }

    private static Finding inactive(IamUser user, Target target, UserCredentials credentials, Instant created,
            Instant lastUsed, Evaluation e) {
        List<String> evidence = new ArrayList<>();
        evidence.add("created " + Evaluation.day(created) + ", last active " + Evaluation.day(lastUsed));
        if (credentials != null) {
            long activeKeys = credentials.accessKeys().stream().filter(UserCredentials.AccessKeyReport::active).count();
            evidence.add("console password " + (Boolean.TRUE.equals(credentials.passwordEnabled()) ? "enabled"
                    : "disabled") + ", " + activeKeys + " active access keys");
        }
        return FindingFactory.open(FindingKind.INACTIVE_USER, Severity.MEDIUM,
                "IAM user inactive in the last " + e.periodDays() + " days", target, e.periodStart(), e.at(), lastUsed,
                evidence, "Delete " + user.name() + " or at least remove its console password and access keys.",
                null, null);
    }

    private static Instant reportedLastUse(UserCredentials credentials) {
        if (credentials == null) {
            return null;
        }
        Instant latest = credentials.passwordLastUsed();
        for (UserCredentials.AccessKeyReport key : credentials.accessKeys()) {
            latest = RecentItems.latest(latest, key.lastUsed());
        }
        return latest;
    }
}
