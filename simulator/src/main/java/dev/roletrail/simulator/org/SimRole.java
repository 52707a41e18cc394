package dev.roletrail.simulator.org;

import java.util.List;
import java.util.Objects;

/**
 * A role and what its trust policy allows.
 *
 * @param trusted the trust policy's principals: AWS ARNs or account roots, a service name, or a federated provider
 * @param actions the actions its permissions policy grants ("s3:GetObject", "ec2:*")
 */
public record SimRole(String account, String name, RoleKind kind, List<String> trusted, List<String> actions) {

    public SimRole {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        trusted = List.copyOf(trusted);
        actions = List.copyOf(actions);
    }

    /**
     * Whether its trust policy requires MFA of the IAM users it trusts: the admins' role does, as a sensitive role
     * should; the break-glass role does not, the gap the {@code mfa-not-required} label plants.
     */
    public boolean requiresMfa() {
        return kind == RoleKind.ADMIN;
    }

    public String arn() {
        return "arn:aws:iam::" + account + ":role/" + name;
    }
}
