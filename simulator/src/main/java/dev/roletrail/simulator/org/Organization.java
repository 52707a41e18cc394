package dev.roletrail.simulator.org;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated organisation: its accounts, the external accounts it deals with, users (derived on demand) and roles.
 *
 * @param vendors        external accounts trusted on purpose (org.trusted-external-accounts)
 * @param outsider       an external account nobody trusts: the attackers'
 * @param ciRepositories the GitHub repositories whose pipelines deploy through OIDC
 */
public record Organization(String id, List<Account> accounts, List<String> vendors, String outsider,
        UserDirectory users, List<SimRole> roles, List<String> ciRepositories) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(outsider, "outsider");
        accounts = List.copyOf(accounts);
        vendors = List.copyOf(vendors);
        Objects.requireNonNull(users, "users");
        roles = List.copyOf(roles);
        ciRepositories = List.copyOf(ciRepositories);
    }

    public List<String> accountIds() {
        return accounts.stream().map(Account::id).toList();
    }

    public Account account(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
    }

    public List<SimRole> roles(RoleKind kind) {
        return roles.stream().filter(r -> r.kind() == kind).toList();
    }

    public SimRole role(RoleKind kind, String account) {
        return roles.stream().filter(r -> r.kind() == kind && r.account().equals(account)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + kind + " role in " + account));
    }

    public Optional<SimRole> roleNamed(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The named users with a habit (ordinary people, of any number, are in {@link #users()}). */
    public List<SimUser> named(Habit habit) {
        return users.named().stream().filter(u -> u.habit() == habit).toList();
    }

    /** A named user. */
    public SimUser user(String name) {
        return users.named().stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + name));
    }

    /** The management account: first of the list. */
    public Account management() {
        return accounts.get(0);
    }
}
