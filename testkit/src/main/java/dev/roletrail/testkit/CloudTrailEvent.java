package dev.roletrail.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.cloudtrail.CredentialExpiration;

/**
 * Builds CloudTrail records in the real shapes CloudTrail writes, for tests:
 * {@code CloudTrailEvent.byUser(userArn).assumeRole(roleArn).at(time).json()}.
 */
public final class CloudTrailEvent {

    private static final Pattern ACCOUNT = Pattern.compile("^arn:[\\w-]+:(?:iam|sts)::(\\d{12}):.*$");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode root = NODES.objectNode();

    private CloudTrailEvent(ObjectNode identity, String account) {
        root.put("eventVersion", "1.08");
        root.set("userIdentity", identity);
        root.put("eventTime", "2026-01-01T00:00:00Z");
        root.put("eventSource", "iam.amazonaws.com");
        root.put("eventName", "ListRoles");
        root.put("awsRegion", "us-east-1");
        root.put("sourceIPAddress", "203.0.113.10");
        root.put("userAgent", "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64");
        root.putNull("requestParameters");
        root.putNull("responseElements");
        root.put("requestID", UUID.randomUUID().toString());
        root.put("eventID", UUID.randomUUID().toString());
        root.put("readOnly", true);
        root.put("eventType", "AwsApiCall");
        root.put("managementEvent", true);
        root.put("recipientAccountId", account);
        root.put("eventCategory", "Management");
    }

    /** An IAM user signing with a long-term key. */
    public static CloudTrailEvent byUser(String userArn) {
        String account = accountOf(userArn);
        ObjectNode identity = NODES.objectNode()
                .put("type", "IAMUser")
                .put("principalId", "AIDA" + suffix(userArn))
                .put("arn", userArn)
                .put("accountId", account)
                .put("accessKeyId", "AKIA" + suffix(userArn))
                .put("userName", userArn.substring(userArn.lastIndexOf('/') + 1));
        return new CloudTrailEvent(identity, account);
    }

    /** A session of a role, e.g. {@code byRoleSession("arn:aws:iam::111122223333:role/Deploy", "ci-run-7")}. */
    public static CloudTrailEvent byRoleSession(String roleArn, String sessionName) {
        String account = accountOf(roleArn);
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String partition = roleArn.split(":")[1];
        ObjectNode issuer = NODES.objectNode().put("type", "Role").put("principalId", "AROA" + suffix(roleArn))
                .put("arn", roleArn).put("accountId", account).put("userName", roleName);
        ObjectNode context = NODES.objectNode();
        context.set("sessionIssuer", issuer);
        context.set("attributes", NODES.objectNode().put("creationDate", "2026-01-01T00:00:00Z")
                .put("mfaAuthenticated", "false"));
        ObjectNode identity = NODES.objectNode()
                .put("type", "AssumedRole")
                .put("principalId", "AROA" + suffix(roleArn) + ":" + sessionName)
                .put("arn", "arn:" + partition + ":sts::" + account + ":assumed-role/" + roleName + "/" + sessionName)
                .put("accountId", account)
                .put("accessKeyId", "ASIA" + suffix(roleArn + sessionName));
        identity.set("sessionContext", context);
        return new CloudTrailEvent(identity, account);
    }

    /**
     * The account's root user, e.g. {@code byRoot("111122223333")}, as CloudTrail writes it for console and API
     * calls (no access key id for console sign-ins; set one with {@link #identity(String, String)}).
     */
    public static CloudTrailEvent byRoot(String accountId) {
        ObjectNode identity = NODES.objectNode()
                .put("type", "Root")
                .put("principalId", accountId)
                .put("arn", "arn:aws:iam::" + accountId + ":root")
                .put("accountId", accountId)
                .put("accessKeyId", "");
        return new CloudTrailEvent(identity, accountId);
    }

    /**
     * Another account as the role owner's copy of a cross-account call names it: {@code userIdentity} of type
     * {@code AWSAccount} with only the caller's account and principal id. Set the receiving account with
     * {@link #recipient(String)}.
     */
    public static CloudTrailEvent byAccount(String accountId) {
        ObjectNode identity = NODES.objectNode()
                .put("type", "AWSAccount")
                .put("principalId", "AIDA" + suffix(accountId))
                .put("accountId", accountId);
        return new CloudTrailEvent(identity, accountId);
    }

    /** A successful {@code sts:GetSessionToken}, issuing a new temporary key to the caller. */
    public CloudTrailEvent getSessionToken() {
        call("sts.amazonaws.com", "GetSessionToken");
        root.put("readOnly", true);
        root.set("requestParameters", NODES.objectNode());
        ObjectNode response = NODES.objectNode();
        response.set("credentials", credentials("ASIA" + suffix("session" + eventId())));
        root.set("responseElements", response);
        return this;
    }

    /** A successful {@code sts:GetFederationToken} for a federated user of that name. */
    public CloudTrailEvent getFederationToken(String name) {
        call("sts.amazonaws.com", "GetFederationToken");
        root.put("readOnly", false);
        root.set("requestParameters", NODES.objectNode().put("name", name));
        String account = root.get("recipientAccountId").asText();
        ObjectNode response = NODES.objectNode();
        response.set("credentials", credentials("ASIA" + suffix(name + eventId())));
        response.set("federatedUser", NODES.objectNode()
                .put("arn", "arn:aws:sts::" + account + ":federated-user/" + name)
                .put("federatedUserId", account + ":" + name));
        root.set("responseElements", response);
        return this;
    }

    /** A successful IAM write call, e.g. {@code iam("CreateAccessKey").requestParameter("userName", "bob")}. */
    public CloudTrailEvent iam(String eventName) {
        call("iam.amazonaws.com", eventName);
        root.put("readOnly", false);
        root.set("requestParameters", NODES.objectNode());
        root.putNull("responseElements");
        return this;
    }

    /** Sets {@code responseElements} to this JSON object, e.g. CreateUser's {@code {"user": {"arn": ...}}}. */
    public CloudTrailEvent responseElements(String json) {
        try {
            root.set("responseElements", new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
        return this;
    }

    /** Sets one numeric field of {@code requestParameters}, as CloudTrail writes {@code durationSeconds}. */
    public CloudTrailEvent requestParameter(String name, long value) {
        requestParameters().put(name, value);
        return this;
    }

    /** The requested session length, {@code requestParameters.durationSeconds}. */
    public CloudTrailEvent durationSeconds(long seconds) {
        return requestParameter("durationSeconds", seconds);
    }

    /** The account that received the record ({@code recipientAccountId}). */
    public CloudTrailEvent recipient(String accountId) {
        root.put("recipientAccountId", accountId);
        return this;
    }

    /** Sets one text field of {@code userIdentity}, e.g. {@code identity("invokedBy", "support.amazonaws.com")}. */
    public CloudTrailEvent identity(String field, String value) {
        ((ObjectNode) root.get("userIdentity")).put(field, value);
        return this;
    }

    /** Sets one top-level text field of the record, e.g. {@code field("eventType", "AwsConsoleSignIn")}. */
    public CloudTrailEvent field(String name, String value) {
        root.put(name, value);
        return this;
    }

    /** A successful {@code sts:AssumeRole} of the role, issuing a new temporary key. */
    public CloudTrailEvent assumeRole(String roleArn) {
        call("sts.amazonaws.com", "AssumeRole");
        root.put("readOnly", true);
        root.set("requestParameters", NODES.objectNode().put("roleArn", roleArn).put("roleSessionName", "session"));
        ObjectNode credentials = NODES.objectNode().put("accessKeyId", "ASIA" + suffix(roleArn + eventId()))
                .put("sessionToken", "<redacted>").put("expiration", "Jan 1, 2026, 1:00:00 AM");
        ObjectNode response = NODES.objectNode();
        response.set("credentials", credentials);
        response.set("assumedRoleUser", NODES.objectNode()
                .put("arn", roleArn.replace(":iam::", ":sts::").replace(":role/", ":assumed-role/") + "/session"));
        root.set("responseElements", response);
        return this;
    }

    /** A subject of an OIDC provider (e.g. a CI pipeline) assuming a role with AssumeRoleWithWebIdentity. */
    public static CloudTrailEvent byWebIdentity(String provider, String subject, String roleArn) {
        String account = accountOf(roleArn);
        ObjectNode identity = NODES.objectNode()
                .put("type", "WebIdentityUser")
                .put("principalId", provider + ":sts.amazonaws.com:" + subject)
                .put("userName", subject)
                .put("identityProvider", provider);
        CloudTrailEvent event = new CloudTrailEvent(identity, account).assumeRole(roleArn);
        event.root.put("eventName", "AssumeRoleWithWebIdentity");
        return event;
    }

    /** The temporary key id the STS call of this event issued (after {@link #assumeRole}). */
    public String issuedKeyId() {
        return root.at("/responseElements/credentials/accessKeyId").asText(null);
    }

    /**
     * The STS call issued this key (after {@link #assumeRole}): the other copy of a cross-account call, which names
     * the same new credentials.
     */
    public CloudTrailEvent issuing(String keyId) {
        ((ObjectNode) root.at("/responseElements/credentials")).put("accessKeyId", keyId);
        return this;
    }

    /** Signs the call with this access key (e.g. the key an earlier AssumeRole issued). */
    public CloudTrailEvent withAccessKey(String keyId) {
        ((ObjectNode) root.get("userIdentity")).put("accessKeyId", keyId);
        return this;
    }

    /** Adds a request parameter, e.g. {@code durationSeconds} or {@code sourceIdentity}. */
    public CloudTrailEvent requestParameter(String name, String value) {
        if (!root.get("requestParameters").isObject()) {
            root.set("requestParameters", NODES.objectNode());
        }
        ((ObjectNode) root.get("requestParameters")).put(name, value);
        return this;
    }

    public CloudTrailEvent call(String eventSource, String eventName) {
        root.put("eventSource", eventSource);
        root.put("eventName", eventName);
        return this;
    }

    public CloudTrailEvent denied() {
        root.put("errorCode", "AccessDenied");
        root.put("errorMessage", "User is not authorized to perform this operation");
        root.putNull("responseElements");
        return this;
    }

    /** Sets the event time; issued credentials expire an hour later, written the way CloudTrail writes it. */
    public CloudTrailEvent at(Instant time) {
        root.put("eventTime", time.toString());
        if (root.at("/responseElements/credentials").isObject()) {
            ((ObjectNode) root.at("/responseElements/credentials")).put("expiration",
                    CredentialExpiration.format(time.plusSeconds(3600)));
        }
        return this;
    }

    public CloudTrailEvent from(String sourceIpAddress) {
        root.put("sourceIPAddress", sourceIpAddress);
        return this;
    }

    public CloudTrailEvent region(String region) {
        root.put("awsRegion", region);
        return this;
    }

    public CloudTrailEvent eventId(String eventId) {
        root.put("eventID", eventId);
        return this;
    }

    public CloudTrailEvent userAgent(String userAgent) {
        root.put("userAgent", userAgent);
        return this;
    }

    public String eventId() {
        return root.get("eventID").asText();
    }

    public String json() {
        return root.toString();
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of the tree, to tweak fields the builder has no method for. */
    public ObjectNode tree() {
        return root.deepCopy();
    }

    private ObjectNode requestParameters() {
        if (!(root.get("requestParameters") instanceof ObjectNode)) {
            root.set("requestParameters", NODES.objectNode());
        }
        return (ObjectNode) root.get("requestParameters");
    }

    private static ObjectNode credentials(String accessKeyId) {
        return NODES.objectNode().put("accessKeyId", accessKeyId).put("sessionToken", "<redacted>")
                .put("expiration", "Jan 1, 2026, 12:00:00 PM");
    }

    private static String accountOf(String arn) {
        Matcher m = ACCOUNT.matcher(arn);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an IAM or STS ARN with an account: " + arn);
        }
        return m.group(1);
    }

    /** A stable pseudo id so the same ARN always gets the same principal and key ids. */
    private static String suffix(String seed) {
        return String.format("%016X", seed.hashCode() * 0x9E3779B97F4A7C15L).substring(0, 16);
    }
}
