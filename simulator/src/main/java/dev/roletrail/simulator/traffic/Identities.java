package dev.roletrail.simulator.traffic;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.simulator.org.SimUser;

/** The {@code userIdentity} shapes CloudTrail writes, one method per type. */
public final class Identities {

    /** The front end console actions are logged as invoked by. */
    public static final String CONSOLE = "signin.amazonaws.com";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Identities() {
    }

    public static ObjectNode iamUser(SimUser user) {
        return NODES.objectNode().put("type", "IAMUser").put("principalId", user.userId()).put("arn", user.arn())
                .put("accountId", user.account()).put("accessKeyId", user.accessKeyId()).put("userName", user.name());
    }

    /**
     * An IAM user acting in the console: calls carry the console session's temporary key, the session's attributes,
     * and {@code invokedBy: signin.amazonaws.com}, while the identity is still the user (IAM user guide, "Example IAM
     * API event in CloudTrail log file").
     */
    public static ObjectNode consoleUser(SimUser user, String sessionKey, Instant signedIn, boolean mfa) {
        return console(iamUser(user).put("accessKeyId", sessionKey), signedIn, mfa);
    }

    /** The root user acting in the console, as {@link #consoleUser}. */
    public static ObjectNode consoleRoot(String account, String sessionKey, Instant signedIn, boolean mfa) {
        return console(root(account).put("accessKeyId", sessionKey), signedIn, mfa);
    }

    private static ObjectNode console(ObjectNode identity, Instant signedIn, boolean mfa) {
        identity.set("sessionContext", NODES.objectNode().set("attributes", NODES.objectNode()
                .put("creationDate", signedIn.toString()).put("mfaAuthenticated", Boolean.toString(mfa))));
        identity.put("invokedBy", CONSOLE);
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
