package dev.roletrail.streams.unused;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import dev.roletrail.schemas.identity.CredentialKind;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.IdentityType;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.streams.detect.KnownAccounts;
import dev.roletrail.streams.identity.Arns;
import dev.roletrail.streams.nhi.IdentitySettings;
import dev.roletrail.streams.nhi.KindClassifier;
import dev.roletrail.streams.nhi.Owner;
import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.nhi.Verdict;

/**
 * Builds the identity inventory's views (PRODUCT.md §6a) of one entity at an evaluation, from the IAM inventory (tags,
 * creation, the credential report) joined with the use recorded over the tracking period: a user or the root with
 * each long-term key it signed with, a role, a federated subject, an account of another organisation. Pure.
 */
final class IdentityViews {

    private final IdentitySettings settings;
    private final KnownAccounts accounts;

    IdentityViews(IdentitySettings settings, KnownAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    /**
     * An identity view, its owner as judged and its own traits with their latest use (for the findings about it).
     */
    record View(Identity identity, Owner owner, Map<Trait, Instant> traits) {
    }

    /**
     * A user (or the root) and its keys.
     *
     * @param user        the inventory's user, or null (the root, or a user not in the inventory)
     * @param credentials its credential report row, or null
     */
    List<View> user(String arn, IamUser user, UserCredentials credentials, EntityUsage used, Evaluation e,
            IdentityDirectory directory) {
        Map<Trait, Instant> timed = used.decodedTraits();
        List<Trait> traits = List.copyOf(timed.keySet());
        Verdict verdict = KindClassifier.ofCredential(traits);
        Optional<Owner> owner = Owner.of(user == null ? Map.of() : user.tags(), used.creator(), settings,
                directory.people(e.at(), e.settings().dormancy()));
        IdentityType type = arn.endsWith(":root") ? IdentityType.ROOT : IdentityType.IAM_USER;
        List<View> views = new ArrayList<>();
        views.add(new View(identity(arn, type, Arns.accountOf(arn), null, verdict, owner,
                credentialKind(credentials, traits), user == null ? credentials == null ? null
                        : credentials.userCreationTime() : user.createDate(),
                used.firstActive(), used.lastActive(), lastRotated(credentials), traits, directory.reachable(arn),
                reached(used, e), e), owner.orElse(null), timed));
        for (Map.Entry<String, Instant> key : keysSince(used, timed, e).entrySet()) {
            Map<Trait, Instant> keyTimed = new LinkedHashMap<>(timed);
            keyTimed.keySet().removeIf(t -> !t.credential().equals(key.getKey()));
            List<Trait> keyTraits = List.copyOf(keyTimed.keySet());
            Instant created = singleActiveKeyRotated(credentials);
            views.add(new View(identity(key.getKey(), IdentityType.ACCESS_KEY, Arns.accountOf(arn), arn,
                    KindClassifier.ofCredential(keyTraits, traits), owner, CredentialKind.LONG_LIVED_KEY, created,
                    null, key.getValue(), created, keyTraits, List.of(), List.of(), e), owner.orElse(null),
                    keyTimed));
        }
        return views;
    }

    /** A role: by who assumed it and how its sessions called. @param role the inventory's role, or null */
    View role(String arn, IamRole role, EntityUsage used, Evaluation e, IdentityDirectory directory) {
        Map<Trait, Instant> timed = used.decodedTraits();
        List<Trait> traits = List.copyOf(timed.keySet());
        String roleAccount = Arns.accountOf(arn);
        // Another organisation's, even when trusted on purpose: a vendor is external, if expected.
        Predicate<String> external = account -> account != null && !accounts.inOrganization(account, roleAccount);
        boolean serviceLinked = role != null && role.path() != null && role.path().startsWith("/aws-service-role/")
                || arn.contains(":role/aws-service-role/");
        Set<String> assumers = new TreeSet<>(used.assumers().keySet());
        assumers.addAll(used.origins().keySet());
        Verdict verdict = KindClassifier.ofRole(serviceLinked, assumers, external, traits);
        Optional<Owner> owner = Owner.of(role == null ? Map.of() : role.tags(), used.creator(), settings,
                directory.people(e.at(), e.settings().dormancy()));
        return new View(identity(arn, IdentityType.ROLE, roleAccount, null, verdict, owner,
                CredentialKind.TEMPORARY_ONLY, role == null ? null : role.createDate(), used.firstActive(),
                used.lastActive(), null, traits, directory.reachable(arn), reached(used, e), e), owner.orElse(null),
                timed);
    }

    /** A federated subject ({@code web-identity:}, {@code saml:}, {@code identity-center:}) or external account. */
    Optional<View> other(String id, EntityUsage used, Evaluation e, IdentityDirectory directory) {
        Map<Trait, Instant> timed = used.decodedTraits();
        List<Trait> traits = List.copyOf(timed.keySet());
        if (id.startsWith("account:")) {
            return Optional.of(new View(identity(id, IdentityType.EXTERNAL_ACCOUNT, id.substring("account:".length()),
                    null, KindClassifier.ofExternalAccount(), Optional.empty(), CredentialKind.TEMPORARY_ONLY, null,
                    used.firstActive(), used.lastActive(), null, traits, directory.reachable(id), reached(used, e), e),
                    null, timed));
        }
        if (id.startsWith("web-identity:") || id.startsWith("saml:") || id.startsWith("identity-center:")) {
            return Optional.of(new View(identity(id, IdentityType.FEDERATED_SUBJECT, null, null,
                    KindClassifier.ofFederated(id, traits), Optional.empty(), CredentialKind.TEMPORARY_ONLY, null,
                    used.firstActive(), used.lastActive(), null, traits, List.of(), reached(used, e), e), null,
                    timed));
        }
        return Optional.empty();
    }

    /** When the views of an entity could next change by time alone, beyond its use: an owner turning inactive. */
    static Instant ownerHorizon(Collection<View> views, IdentityDirectory directory, Duration dormancy) {
        Instant next = null;
        for (View view : views) {
            Instant turn = view.owner() == null ? null : directory.inactiveFrom(view.owner().name(), dormancy);
            if (turn != null && (next == null || turn.isBefore(next))) {
                next = turn;
            }
        }
        return next;
    }

    private static Identity identity(String id, IdentityType type, String account, String parent, Verdict verdict,
            Optional<Owner> owner, CredentialKind credential, Instant created, Instant firstUsed, Instant lastUsed,
            Instant lastRotated, List<Trait> traits, List<String> reachable, List<String> reached, Evaluation e) {
        Set<String> networks = new TreeSet<>();
        Set<String> clients = new TreeSet<>();
        traits.forEach(t -> {
            networks.add(t.network());
            clients.add(t.client());
        });
        List<String> evidence = new ArrayList<>(verdict.evidence());
        owner.filter(o -> o.orphaned() != null).ifPresent(o -> evidence.add(o.orphaned()));
        return new Identity(id, type, account, parent, verdict.kind(), evidence, owner.map(Owner::name).orElse(null),
                owner.map(Owner::source).orElse(null), owner.map(Owner::orphaned).orElse(null), credential, created,
                firstUsed, lastUsed, lastRotated, networks.size(), clients.size(), reachable, reached, e.at());
    }

    private static CredentialKind credentialKind(UserCredentials credentials, List<Trait> traits) {
        boolean password;
        boolean key;
        if (credentials != null) {
            password = Boolean.TRUE.equals(credentials.passwordEnabled());
            key = credentials.accessKeys().stream().anyMatch(UserCredentials.AccessKeyReport::active);
        } else {
            password = traits.stream().anyMatch(t -> t.credential().equals(Trait.PASSWORD));
            key = traits.stream().anyMatch(Trait::longTermKey);
        }
        if (password && key) {
            return CredentialKind.PASSWORD_AND_LONG_LIVED_KEY;
        }
        return password ? CredentialKind.PASSWORD : key ? CredentialKind.LONG_LIVED_KEY
                : credentials == null ? CredentialKind.TEMPORARY_ONLY : CredentialKind.NONE;
    }

    private static Instant lastRotated(UserCredentials credentials) {
        return credentials == null ? null : IdentityDirectory.latestOf(credentials.passwordLastChanged(),
                credentials, UserCredentials.AccessKeyReport::lastRotated);
    }

    /** The report names no key id: a key's creation is known only when the user has exactly one active key. */
    private static Instant singleActiveKeyRotated(UserCredentials credentials) {
        if (credentials == null) {
            return null;
        }
        List<UserCredentials.AccessKeyReport> active = credentials.accessKeys().stream()
                .filter(UserCredentials.AccessKeyReport::active).toList();
        return active.size() == 1 ? active.get(0).lastRotated() : null;
    }

    /** The long-term keys used in the period, by the calls' keys and the traits', with their latest use. */
    private static Map<String, Instant> keysSince(EntityUsage used, Map<Trait, Instant> traits, Evaluation e) {
        Map<String, Instant> keys = new TreeMap<>();
        used.keys().forEach((key, last) -> keys.merge(key, last, IdentityDirectory::latest));
        traits.forEach((trait, last) -> {
            if (trait.longTermKey()) {
                keys.merge(trait.credential(), last, IdentityDirectory::latest);
            }
        });
        keys.values().removeIf(last -> last.isBefore(e.periodStart()));
        return keys;
    }

    private static List<String> reached(EntityUsage used, Evaluation e) {
        return since(used.reached(), e.periodStart());
    }

    private static List<String> since(Map<String, Instant> items, Instant since) {
        return items.entrySet().stream().filter(item -> !item.getValue().isBefore(since)).map(Map.Entry::getKey)
                .sorted().toList();
    }
}
