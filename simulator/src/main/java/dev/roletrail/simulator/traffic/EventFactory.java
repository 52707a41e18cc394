package dev.roletrail.simulator.traffic;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.cloudtrail.CredentialExpiration;
import dev.roletrail.simulator.org.Ids;

/** Builds CloudTrail records (eventVersion 1.08) as {@link ObjectNode}s, in the field order CloudTrail writes. */
public final class EventFactory {

    /** STS calls that issue a session for a role. */
    public static final Set<String> ASSUME_CALLS = Set.of("AssumeRole", "AssumeRoleWithSAML",
            "AssumeRoleWithWebIdentity");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern READ_ONLY = Pattern.compile(
            "(Describe|List|Get|Lookup|Head).*");

    private final RandomGenerator random;

    public EventFactory(RandomGenerator random) {
        this.random = random;
    }

    public RandomGenerator random() {
        return random;
    }

    /** A whole number of events for an average rate: the integer part, plus one with the fraction's probability. */
    public int count(double rate) {
        int whole = (int) rate;
        return whole + (random.nextDouble() < rate - whole ? 1 : 0);
    }

    /** A call; read-only follows the name (Describe*, List*, Get*, Lookup*, Head*), as CloudTrail marks it. */
    public ObjectNode call(Caller caller, String source, String name, Instant at) {
        ObjectNode event = NODES.objectNode();
        event.put("eventVersion", "1.08");
        event.set("userIdentity", caller.identity().deepCopy());
        event.put("eventTime", at.toString());
        event.put("eventSource", source);
        event.put("eventName", name);
        event.put("awsRegion", caller.region());
        event.put("sourceIPAddress", caller.sourceIp());
        event.put("userAgent", caller.userAgent());
        event.putNull("requestParameters");
        event.putNull("responseElements");
        event.put("requestID", Ids.uuid(random));
        event.put("eventID", Ids.uuid(random));
        event.put("readOnly", READ_ONLY.matcher(name).matches());
        event.put("eventType", "AwsApiCall");
        event.put("managementEvent", true);
        event.put("recipientAccountId", caller.account());
        event.put("eventCategory", "Management");
        return event;
    }

    public ObjectNode call(Caller caller, String source, String name, Instant at, ObjectNode request) {
        ObjectNode event = call(caller, source, name, at);
        event.set("requestParameters", request);
        return event;
    }

    /**
     * An AssumeRole* call STS refused, as CloudTrail logs it: {@code errorCode} and {@code errorMessage} after
     * {@code userAgent}, no request and no response, the role named only in the message ("User: arn:… is not
     * authorized to perform: sts:AssumeRole on resource: arn:…:role/X"). With {@code noIdentityPolicy} the message ends
     * as it does when the caller's own policies grant no sts:AssumeRole on the role, rather than the role's trust
     * policy refusing it.
     */
    public ObjectNode refusedAssume(Caller caller, String call, String roleArn, Instant at, boolean noIdentityPolicy) {
        ObjectNode event = call(caller, "sts.amazonaws.com", call, at);
        String action = "sts:" + call;
        String message = "User: " + caller.identity().path("arn").asText() + " is not authorized to perform: " + action
                + " on resource: " + roleArn
                + (noIdentityPolicy ? " because no identity-based policy allows the " + action + " action" : "");
        ObjectNode refused = NODES.objectNode();
        event.fields().forEachRemaining(field -> {
            refused.set(field.getKey(), field.getValue());
            if (field.getKey().equals("userAgent")) {
                refused.put("errorCode", "AccessDenied");
                refused.put("errorMessage", message);
            }
        });
        return refused;
    }

    /**
     * A successful AssumeRole, AssumeRoleWithSAML or AssumeRoleWithWebIdentity issuing a new session.
     *
     * @param request extra request parameters (principalArn for SAML, ...), or null
     */
    public Issued assume(Caller caller, String call, String roleArn, String sessionName, Instant at,
            Duration duration, boolean instanceRole) {
        ObjectNode request = NODES.objectNode().put("roleArn", roleArn).put("roleSessionName", sessionName)
                .put("durationSeconds", duration.toSeconds());
        ObjectNode event = call(caller, "sts.amazonaws.com", call, at, request);
        event.put("readOnly", true);
        RoleSession session = new RoleSession(roleArn, Ids.roleId(roleArn), sessionName,
                Ids.awsId(random, "ASIA"), at, instanceRole, false);
        ObjectNode response = NODES.objectNode();
        response.set("credentials", NODES.objectNode().put("accessKeyId", session.keyId())
                .put("sessionToken", "IQoJb3JpZ2luX2VjE" + Ids.awsId(random, "").toLowerCase(Locale.ROOT))
                .put("expiration", CredentialExpiration.format(at.plus(duration))));
        response.set("assumedRoleUser", NODES.objectNode()
                .put("assumedRoleId", session.roleId() + ":" + sessionName).put("arn", session.assumedRoleArn()));
        event.set("responseElements", response);
        return new Issued(event, session);
    }

    /**
     * A person's AssumeRole with their MFA device, as CloudTrail logs it: the request names the device
     * ({@code serialNumber}; the code itself is not logged) and the session is MFA-authenticated.
     */
    public Issued assumeWithMfa(Caller caller, String roleArn, String sessionName, Instant at, Duration duration,
            String mfaDevice) {
        Issued issued = assume(caller, "AssumeRole", roleArn, sessionName, at, duration, false);
        issued.event().with("requestParameters").put("serialNumber", mfaDevice);
        RoleSession s = issued.session();
        return new Issued(issued.event(), new RoleSession(s.roleArn(), s.roleId(), s.sessionName(), s.keyId(),
                s.issuedAt(), false, true));
    }

    /**
     * The role owner's copy of a cross-account assumption: an organisation trail records the call in both accounts,
     * and the owner's account knows the caller only by its account.
     */
    public ObjectNode ownerCopy(Issued issued, String callerAccount) {
        ObjectNode copy = issued.event().deepCopy();
        copy.set("userIdentity", Identities.otherAccount(callerAccount, Ids.awsId(random, "AIDA")));
        copy.put("eventID", Ids.uuid(random));
        copy.put("recipientAccountId", issued.session().account());
        copy.put("sharedEventID", issued.event().path("eventID").asText());
        return copy;
    }

    /** An event AWS itself records: a service acting on the account's behalf (eventType AwsServiceEvent). */
    public ObjectNode serviceEvent(String account, String region, String service, String name, Instant at) {
        ObjectNode event = call(new Caller(NODES.objectNode().put("accountId", account).put("invokedBy", service),
                account, region, "AWS Internal", "AWS Internal"), service, name, at);
        event.put("eventType", "AwsServiceEvent");
        event.put("readOnly", false);
        return event;
    }

    /** The record of a call and the session it issued. */
    public record Issued(ObjectNode event, RoleSession session) {
    }
}
