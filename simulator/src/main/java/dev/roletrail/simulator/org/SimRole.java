package dev.roletrail.simulator.org;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A role and what its trust policy allows.
 *
 * @param trusted the trust policy's principals: AWS ARNs or account roots, a service name, or a federated provider
 * @param actions the actions its permissions policy grants ("s3:GetObject", "ec2:*")
 * @param tags    its IAM tags (an owner or team tag, or none), in the order IAM lists them
 */
public record SimRole(String account, String name, RoleKind kind, List<String> trusted, List<String> actions,
        Map<String, String> tags) {

    public SimRole {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        trusted = List.copyOf(trusted);
        actions = List.copyOf(actions);
        tags = OwnerTags.copy(tags);
        if (kind == RoleKind.SERVICE_LINKED && trusted.size() != 1) {
            throw new IllegalArgumentException("a service-linked role trusts its one service: " + name);
        }
    }

    /** A role without tags. */
    public SimRole(String account, String name, RoleKind kind, List<String> trusted, List<String> actions) {
        this(account, name, kind, trusted, actions, Map.of());
    }

    /**
     * Whether its trust policy requires MFA of the IAM users it trusts: the admins' role does, as a sensitive role
     * should; the break-glass role does not, the gap the {@code mfa-not-required} label plants.
     */
    public boolean requiresMfa() {
        return kind == RoleKind.ADMIN;
    }

    /** IAM's path: {@code /aws-service-role/<service>/} for a service-linked role, {@code /} for the others. */
    public String path() {
        return kind == RoleKind.SERVICE_LINKED ? "/aws-service-role/" + trusted.get(0) + "/" : "/";
    }

    public String arn() {
        return "arn:aws:iam::" + account + ":role" + path() + name;
    }
}
