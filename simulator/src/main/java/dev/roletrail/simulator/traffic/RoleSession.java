package dev.roletrail.simulator.traffic;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A session an AssumeRole* call issued: the temporary key and the role it acts as.
 *
 * @param mfa whether the call that issued it gave an MFA code: its calls say {@code mfaAuthenticated: true}
 */
public record RoleSession(String roleArn, String roleId, String sessionName, String keyId, Instant issuedAt,
        boolean instanceRole, boolean mfa) {

    public RoleSession {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (keyId == null || !keyId.startsWith("ASIA")) {
            throw new IllegalArgumentException("a session key id starts with ASIA, was " + keyId);
        }
    }

    public String account() {
        return roleArn.split(":")[4];
    }

    /** The role's name, without its path ({@code /aws-service-role/<service>/} for a service-linked role). */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    public String assumedRoleArn() {
        return "arn:aws:sts::" + account() + ":assumed-role/" + roleName() + "/" + sessionName;
    }

    /** The caller acting with this session's credentials, from an address with a client. */
    public Caller caller(String region, String sourceIp, String userAgent) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode issuer = nodes.objectNode().put("type", "Role").put("principalId", roleId).put("arn", roleArn)
                .put("accountId", account()).put("userName", roleName());
        ObjectNode context = nodes.objectNode();
        context.set("sessionIssuer", issuer);
        context.set("attributes", nodes.objectNode().put("creationDate", issuedAt.toString())
                .put("mfaAuthenticated", Boolean.toString(mfa)));
        if (instanceRole) {
            context.put("ec2RoleDelivery", "2.0");
        }
        ObjectNode identity = nodes.objectNode().put("type", "AssumedRole").put("principalId", roleId + ":" + sessionName)
                .put("arn", assumedRoleArn()).put("accountId", account()).put("accessKeyId", keyId);
        identity.set("sessionContext", context);
        return new Caller(identity, account(), region, sourceIp, userAgent);
    }
}
