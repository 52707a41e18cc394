package dev.roletrail.streams.detect;

import dev.roletrail.schemas.alert.Alert;

/**
 * What one detector must not alert on: principals (the acting principal or the origin), roles, accounts and source
 * networks, each a list of {@link Glob} patterns in {@code detector.<id>.allow.principals} (and {@code .roles},
 * {@code .accounts}, {@code .networks}).
 */
public record Allowlist(Glob principals, Glob roles, Glob accounts, Glob networks) {

    public static Allowlist from(DetectorSettings settings) {
        return new Allowlist(
                Glob.of(settings.list("allow.principals", java.util.List.of())),
                Glob.of(settings.list("allow.roles", java.util.List.of())),
                Glob.of(settings.list("allow.accounts", java.util.List.of())),
                Glob.of(settings.list("allow.networks", java.util.List.of())));
    }

    public boolean allows(Alert alert) {
        return principals.matches(alert.principal()) || principals.matches(alert.origin())
                || roles.matches(alert.role())
                || accounts.matches(alert.account())
                || networks.matches(alert.sourceNetwork());
    }
}
