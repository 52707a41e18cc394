package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.identity.TrustPolicy;
import dev.roletrail.streams.nhi.Owner;

/**
 * What the identity inventory reads across the whole IAM inventory, indexed once per inventory change: the IAM users
 * an owner tag may name (by name, ARN, or an email's local part) with their latest use from the credential report,
 * and which roles' trust policies let a principal in. Built from every entity of the inventory; a findings task keeps
 * one until the inventory changes.
 */
final class IdentityDirectory {

    /** A user's latest use by IAM's own report, or null when IAM never saw one. */
    private record KnownUser(String arn, Instant created, Instant lastUsed) {
    }

    private final Map<String, KnownUser> usersByName = new HashMap<>();
    private final Map<String, KnownUser> usersByArn = new HashMap<>();
    private final Map<String, SortedSet<String>> rolesTrustingPrincipal = new HashMap<>();
    private final Map<String, SortedSet<String>> rolesTrustingAccount = new HashMap<>();
    private final SortedSet<String> rolesTrustingAnyone = new TreeSet<>();

    static IdentityDirectory of(Iterable<? extends InventoryEntity> entities) {
        IdentityDirectory directory = new IdentityDirectory();
        Map<String, UserCredentials> credentials = new HashMap<>();
        List<IamUser> users = new ArrayList<>();
        for (InventoryEntity entity : entities) {
            if (entity instanceof IamUser user) {
                users.add(user);
            } else if (entity instanceof UserCredentials row) {
                credentials.put(row.arn(), row);
            } else if (entity instanceof IamRole role) {
                directory.addRole(role);
            }
        }
        for (IamUser user : users) {
            KnownUser known = new KnownUser(user.arn(), user.createDate(), lastUsed(credentials.get(user.arn())));
            directory.usersByArn.put(user.arn(), known);
            directory.usersByName.put(user.name().toLowerCase(Locale.ROOT), known);
        }
        return directory;
    }

    private void addRole(IamRole role) {
        for (TrustPolicy.Grant grant : TrustPolicy.of(role.trustPolicy()).grants()) {
            if (grant.anyone()) {
                rolesTrustingAnyone.add(role.arn());
            } else if (grant.wholeAccount()) {
                if (grant.account() != null) {
                    rolesTrustingAccount.computeIfAbsent(grant.account(), a -> new TreeSet<>()).add(role.arn());
                }
            } else {
                rolesTrustingPrincipal.computeIfAbsent(grant.principal(), p -> new TreeSet<>()).add(role.arn());
            }
        }
    }

    private static Instant lastUsed(UserCredentials row) {
        return row == null ? null : latestOf(row.passwordLastUsed(), row, UserCredentials.AccessKeyReport::lastUsed);
    }

    /** The latest of the password's instant and the keys' ones, by the credential report; null when none. */
    static Instant latestOf(Instant password, UserCredentials row,
            Function<UserCredentials.AccessKeyReport, Instant> ofKey) {
        Instant last = password;
        for (UserCredentials.AccessKeyReport key : row.accessKeys()) {
            last = latest(last, ofKey.apply(key));
        }
        return last;
    }

    /** Roles whose trust policy names the principal, its account (for ARNs and {@code account:<id>}) or anyone. */
    List<String> reachable(String principal) {
        SortedSet<String> roles = new TreeSet<>(rolesTrustingAnyone);
        roles.addAll(rolesTrustingPrincipal.getOrDefault(principal, new TreeSet<>()));
        String account = principal.startsWith("account:") ? principal.substring("account:".length())
                : Arns.accountOf(principal);
        if (account != null) {
            roles.addAll(rolesTrustingAccount.getOrDefault(account, new TreeSet<>()));
        }
        roles.remove(principal);
        return List.copyOf(roles);
    }

    /**
     * The IAM users owners may name, judged at an evaluation: a user neither created nor used (by IAM's report)
     * within the dormancy is gone.
     */
    Owner.People people(Instant at, Duration dormancy) {
        return value -> find(value).map(user -> new Owner.Person(user.arn(), inactive(user, at, dormancy)));
    }

    /** When a user named as an owner would turn inactive, for the findings' horizon; null when never. */
    Instant inactiveFrom(String ownerValue, Duration dormancy) {
        return find(ownerValue).map(user -> latest(user.created(), user.lastUsed()))
                .map(last -> last.plus(dormancy)).orElse(null);
    }

    private Optional<KnownUser> find(String value) {
        KnownUser byArn = usersByArn.get(value);
        if (byArn != null) {
            return Optional.of(byArn);
        }
        String name = value.toLowerCase(Locale.ROOT);
        if (name.startsWith("user/")) {
            name = name.substring("user/".length());
        }
        KnownUser byName = usersByName.get(name);
        if (byName == null && name.contains("@")) {
            byName = usersByName.get(name.substring(0, name.indexOf('@')));
        }
        return Optional.ofNullable(byName);
    }

    private static String inactive(KnownUser user, Instant at, Duration dormancy) {
        Instant last = latest(user.created(), user.lastUsed());
        if (last == null || last.plus(dormancy).isAfter(at)) {
            return null; // nothing says when it was last used: it cannot be called inactive
        }
        return "owner " + user.arn() + " has not signed in or used a key since " + Evaluation.day(last);
    }

    /** The later of two instants, either of which may be null. */
    static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
