package dev.roletrail.simulator.traffic;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.org.SimUser;

/** The {@code userIdentity} shapes CloudTrail writes, one method per type. */
public final class Identities {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Identities() {
    }

    public static ObjectNode iamUser(SimUser user) {
        return NODES.objectNode().put("type", "IAMUser").put("principalId", user.userId()).put("arn", user.arn())
                .put("accountId", user.account()).put("accessKeyId", user.accessKeyId()).put("userName", user.name());
    }

    /** An IAM user signed in to the console: calls carry a temporary key of the console session. */
    public static ObjectNode consoleUser(SimUser user, String sessionKey) {
        ObjectNode identity = iamUser(user).put("accessKeyId", sessionKey);
        identity.set("sessionContext", NODES.objectNode().set("attributes",
                NODES.objectNode().put("mfaAuthenticated", "true")));
        return identity;
    }

    public static ObjectNode root(String account) {
        return NODES.objectNode().put("type", "Root").put("principalId", account)
                .put("arn", "arn:aws:iam::" + account + ":root").put("accountId", account);
    }

    public static ObjectNode service(String service) {
        return NODES.objectNode().put("type", "AWSService").put("invokedBy", service);
    }

    /** The role owner's copy of a cross-account call: the caller is only known by its account. */
    public static ObjectNode otherAccount(String account, String principalId) {
        return NODES.objectNode().put("type", "AWSAccount").put("principalId", principalId).put("accountId", account);
    }

    public static ObjectNode webIdentity(String provider, String subject) {
        return NODES.objectNode().put("type", "WebIdentityUser")
                .put("principalId", provider + ":sts.amazonaws.com:" + subject).put("userName", subject)
                .put("identityProvider", provider);
    }

    public static ObjectNode saml(String providerArn, String subject) {
        return NODES.objectNode().put("type", "SAMLUser").put("principalId", "AcmeOkta:" + subject)
                .put("userName", subject).put("identityProvider", providerArn);
    }
}
