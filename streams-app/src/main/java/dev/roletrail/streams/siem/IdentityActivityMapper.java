package dev.roletrail.streams.siem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Strings;
import dev.roletrail.schemas.alert.Severity;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.streams.identity.Lineage;
import dev.roletrail.streams.identity.Observation;

import static dev.roletrail.streams.siem.OcsfObjects.putIfPresent;

/**
 * Identity activity with its session lineage: ConsoleLogin as OCSF Authentication (3002, Logon); STS calls that issue
 * credentials and IAM access-key, login-profile and trust-policy changes as API Activity (6003). Everything else maps
 * to nothing. {@code metadata.uid} is the CloudTrail eventID (duplicates are dropped upstream).
 */
public final class IdentityActivityMapper {

    static final int API_CREATE = 1;
    static final int API_UPDATE = 3;
    static final int API_DELETE = 4;
    static final int AUTH_LOGON = 1;
    static final int STATUS_SUCCESS = 1;
    static final int STATUS_FAILURE = 2;
    static final int AUTH_PROTOCOL_OPENID = 4;
    static final int AUTH_PROTOCOL_SAML = 5;
    static final int AUTH_PROTOCOL_OTHER = 99;
    static final int LOGON_TYPE_INTERACTIVE = 2;
    static final int USER_TYPE_USER = 1;
    static final int USER_TYPE_ADMIN = 2;
    static final int USER_TYPE_OTHER = 99;

    /** Forwarded API calls and their OCSF activity: issuing credentials creates them. */
    private static final Map<String, Integer> API_CALLS = Map.ofEntries(
            Map.entry("AssumeRole", API_CREATE),
            Map.entry("AssumeRoleWithSAML", API_CREATE),
            Map.entry("AssumeRoleWithWebIdentity", API_CREATE),
            Map.entry("GetSessionToken", API_CREATE),
            Map.entry("GetFederationToken", API_CREATE),
            Map.entry("CreateAccessKey", API_CREATE),
            Map.entry("UpdateAccessKey", API_UPDATE),
            Map.entry("DeleteAccessKey", API_DELETE),
            Map.entry("CreateLoginProfile", API_CREATE),
            Map.entry("UpdateLoginProfile", API_UPDATE),
            Map.entry("DeleteLoginProfile", API_DELETE),
            Map.entry("CreateRole", API_CREATE),
            Map.entry("UpdateAssumeRolePolicy", API_UPDATE));

    private static final Map<Integer, String> API_ACTIVITY_NAMES = Map.of(API_CREATE, "Create", API_UPDATE, "Update",
            API_DELETE, "Delete");

    public Optional<OcsfEvent> map(Observation observation) {
        CloudTrailRecord event = observation.event();
        if (event.eventName() == null) {
            return Optional.empty();
        }
        if ("ConsoleLogin".equals(event.eventName()) && "signin.amazonaws.com".equals(event.eventSource())) {
            return Optional.of(authentication(observation));
        }
        Integer activity = API_CALLS.get(event.eventName());
        if (activity == null || !isIamOrSts(event.eventSource())) {
            return Optional.empty();
        }
        return Optional.of(apiActivity(observation, activity));
    }

    private static boolean isIamOrSts(String eventSource) {
        return "iam.amazonaws.com".equals(eventSource) || "sts.amazonaws.com".equals(eventSource);
    }

    private static OcsfEvent apiActivity(Observation observation, int activity) {
        CloudTrailRecord event = observation.event();
        ObjectNode ocsf = common(observation, OcsfClass.API_ACTIVITY, activity, API_ACTIVITY_NAMES.get(activity),
                event.failed());
        ObjectNode api = ocsf.putObject("api");
        api.put("operation", event.eventName());
        api.putObject("service").put("name", event.eventSource());
        target(ocsf, event);
        return OcsfEvent.of(ocsf);
    }

    /** The role assumed (by ARN), or the user or role (by name) whose key, login profile or trust policy changed. */
    private static void target(ObjectNode ocsf, CloudTrailRecord event) {
        String roleArn = event.requestParameter("roleArn");
        String userName = event.requestParameter("userName");
        String roleName = event.requestParameter("roleName");
        if (Strings.isBlank(roleArn) && Strings.isBlank(userName) && Strings.isBlank(roleName)) {
            return;
        }
        ObjectNode resource = ocsf.putArray("resources").addObject();
        if (!Strings.isBlank(roleArn)) {
            resource.put("uid", roleArn);
            resource.put("type", "AWS::IAM::Role");
            OcsfObjects.observable(ocsf.withArrayProperty("observables"), OcsfObjects.OBSERVABLE_RESOURCE_UID,
                    "Resource UID", "resources.uid", roleArn);
        } else {
            resource.put("name", Strings.firstNonBlank(userName, roleName));
            resource.put("type", Strings.isBlank(userName) ? "AWS::IAM::Role" : "AWS::IAM::User");
        }
    }

    private static OcsfEvent authentication(Observation observation) {
        CloudTrailRecord event = observation.event();
        boolean failed = event.failed() || "Failure".equals(event.responseElement("/ConsoleLogin"));
        ObjectNode ocsf = common(observation, OcsfClass.AUTHENTICATION, AUTH_LOGON, "Logon", failed);
        ocsf.set("user", ocsf.path("actor").path("user").deepCopy());
        ocsf.putObject("service").put("name", event.eventSource());
        PrincipalType type = observation.principal().type();
        int protocol = type == PrincipalType.SAML_USER ? AUTH_PROTOCOL_SAML
                : type == PrincipalType.WEB_IDENTITY_USER ? AUTH_PROTOCOL_OPENID : AUTH_PROTOCOL_OTHER;
        ocsf.put("auth_protocol_id", protocol);
        ocsf.put("auth_protocol", protocol == AUTH_PROTOCOL_SAML ? "SAML"
                : protocol == AUTH_PROTOCOL_OPENID ? "OpenID" : "AWS Sign-In");
        // A person at the AWS console: interactive, and always over the network.
        ocsf.put("logon_type_id", LOGON_TYPE_INTERACTIVE);
        ocsf.put("logon_type", "Interactive");
        ocsf.put("is_remote", true);
        ocsf.put("is_mfa", "Yes".equals(additional(event, "MFAUsed")));
        return OcsfEvent.of(ocsf);
    }

    private static String additional(CloudTrailRecord event, String field) {
        return event.additionalEventData() == null || !event.additionalEventData().path(field).isValueNode() ? null
                : event.additionalEventData().path(field).asText();
    }

    /** What 6003 and 3002 share: metadata, cloud, status, actor, source, user agent, lineage and observables. */
    private static ObjectNode common(Observation observation, OcsfClass type, int activity, String activityName,
            boolean failed) {
        CloudTrailRecord event = observation.event();
        ObjectNode ocsf = OcsfObjects.event(type, activity, activityName, Severity.INFORMATIONAL, event.eventTime());
        OcsfObjects.metadata(ocsf, event.eventId(), event.eventName());
        OcsfObjects.cloud(ocsf, Strings.firstNonBlank(event.recipientAccountId(), observation.principal().accountId()),
                event.awsRegion());
        ocsf.put("status_id", failed ? STATUS_FAILURE : STATUS_SUCCESS);
        ocsf.put("status", failed ? "Failure" : "Success");
        putIfPresent(ocsf, "status_code", event.errorCode());
        putIfPresent(ocsf, "status_detail", event.errorMessage());
        actor(ocsf.putObject("actor"), observation);
        ocsf.set("src_endpoint", OcsfObjects.endpoint(event.sourceIpAddress()));
        if (!Strings.isBlank(event.userAgent())) {
            ocsf.putObject("http_request").put("user_agent", event.userAgent());
        }
        Lineage lineage = observation.lineage();
        OcsfObjects.lineage(ocsf, lineage.origin(), lineage.chain(), lineage.sourceIdentity());
        if (event.requestParameters() != null && event.requestParameters().isObject()) {
            // Kept as data (a JSON tree), never interpreted: session names and policies here are caller-controlled.
            ocsf.putObject("unmapped").set("request_parameters", event.requestParameters().deepCopy());
        }
        ArrayNode observables = ocsf.putArray("observables");
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_USER_NAME, "User Name", "actor.user.uid",
                observation.principal().id());
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_USER_NAME, "User Name",
                "enrichments.session.origin", lineage.origin());
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_CREDENTIAL_ID, "User Credential ID",
                "actor.user.credential_uid", observation.accessKeyId());
        OcsfObjects.networkObservable(observables, "src_endpoint", event.sourceIpAddress());
        OcsfObjects.observable(observables, OcsfObjects.OBSERVABLE_USER_AGENT, "HTTP User-Agent",
                "http_request.user_agent", event.userAgent());
        return ocsf;
    }

    private static void actor(ObjectNode actor, Observation observation) {
        UserIdentity identity = observation.event().userIdentity();
        ObjectNode user = actor.putObject("user");
        user.put("uid", observation.principal().id());
        if (identity != null) {
            putIfPresent(user, "name", identity.userName());
        }
        userType(user, observation.principal().type(), identity == null ? null : identity.type());
        if (!Strings.isBlank(observation.principal().accountId())) {
            user.set("account", OcsfObjects.account(observation.principal().accountId()));
        }
        putIfPresent(user, "credential_uid", observation.accessKeyId());
        if (identity == null) {
            return;
        }
        putIfPresent(actor, "invoked_by", identity.invokedBy());
        if (!Strings.isBlank(identity.identityProvider())) {
            actor.putObject("idp").put("name", identity.identityProvider());
        }
        UserIdentity.SessionContext context = identity.sessionContext();
        if (context != null) {
            session(actor.putObject("session"), context, observation.accessKeyId());
        }
    }

    /** OCSF user types: an IAM user is a User, root an Admin; other identities are Other, named as CloudTrail does. */
    private static void userType(ObjectNode user, PrincipalType type, String cloudTrailType) {
        if (type == PrincipalType.IAM_USER) {
            user.put("type_id", USER_TYPE_USER);
            user.put("type", "User");
        } else if (type == PrincipalType.ROOT) {
            user.put("type_id", USER_TYPE_ADMIN);
            user.put("type", "Admin");
        } else {
            user.put("type_id", USER_TYPE_OTHER);
            user.put("type", Strings.isBlank(cloudTrailType) ? "Unknown" : cloudTrailType);
        }
    }

    private static void session(ObjectNode session, UserIdentity.SessionContext context, String keyId) {
        putIfPresent(session, "credential_uid", keyId);
        if (context.sessionIssuer() != null) {
            putIfPresent(session, "issuer", context.sessionIssuer().arn());
        }
        if (context.attributes() != null) {
            OcsfObjects.time(session, "created_time", instant(context.attributes().creationDate()));
            if (!Strings.isBlank(context.attributes().mfaAuthenticated())) {
                session.put("is_mfa", "true".equalsIgnoreCase(context.attributes().mfaAuthenticated()));
            }
        }
    }

    /** CloudTrail's session creation date, or null when absent or not a timestamp. */
    private static Instant instant(String text) {
        if (Strings.isBlank(text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
