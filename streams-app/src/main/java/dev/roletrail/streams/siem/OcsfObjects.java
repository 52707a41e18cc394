package dev.roletrail.streams.siem;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Strings;
import dev.roletrail.schemas.alert.Severity;

/**
 * The OCSF building blocks every RoleTrail record shares: the class and type attributes, metadata, the cloud profile,
 * times (epoch milliseconds plus the datetime profile's {@code _dt} strings), observables and the session-lineage
 * enrichment. Absent values are left out rather than written as null or empty.
 */
public final class OcsfObjects {

    public static final String SCHEMA_VERSION = "1.8.0";
    public static final String PRODUCT = "RoleTrail";

    // OCSF enum values used in more than one class.
    static final int ACCOUNT_TYPE_AWS_ACCOUNT = 10;
    static final int OBSERVABLE_IP_ADDRESS = 2;
    static final int OBSERVABLE_USER_NAME = 4;
    static final int OBSERVABLE_RESOURCE_UID = 10;
    static final int OBSERVABLE_SUBNET = 12;
    static final int OBSERVABLE_USER_AGENT = 16;
    static final int OBSERVABLE_CREDENTIAL_ID = 19;

    // Literal addresses only: CloudTrail's sourceIPAddress may also be a service name ("ec2.amazonaws.com").
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");

    private static final String VERSION = ProductVersion.current();

    private OcsfObjects() {
    }

    /** A record of {@code type} with its class, category, activity, type, severity and event time set. */
    public static ObjectNode event(OcsfClass type, int activityId, String activityName, Severity severity,
            Instant time) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("class_uid", type.uid());
        event.put("class_name", type.className());
        event.put("category_uid", type.categoryUid());
        event.put("category_name", type.categoryName());
        event.put("activity_id", activityId);
        event.put("activity_name", activityName);
        event.put("type_uid", type.typeUid(activityId));
        event.put("type_name", type.className() + ": " + activityName);
        event.put("severity_id", severityId(severity));
        event.put("severity", severityName(severity));
        time(event, "time", time);
        return event;
    }

    /** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical (RoleTrail's order is OCSF's). */
    public static int severityId(Severity severity) {
        return severity.ordinal() + 1;
    }

    static String severityName(Severity severity) {
        String name = severity.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** metadata: OCSF version, product, profiles, the record's unique id, and the original event's id if any. */
    public static void metadata(ObjectNode event, String uid, String eventCode) {
        ObjectNode metadata = event.putObject("metadata");
        metadata.put("version", SCHEMA_VERSION);
        metadata.put("uid", uid);
        ObjectNode product = metadata.putObject("product");
        product.put("name", PRODUCT);
        product.put("vendor_name", PRODUCT);
        product.put("version", VERSION);
        metadata.putArray("profiles").add("cloud").add("datetime");
        putIfPresent(metadata, "event_code", eventCode);
    }

    /** The cloud profile: AWS, with the account and region when known. */
    public static void cloud(ObjectNode event, String account, String region) {
        ObjectNode cloud = event.putObject("cloud");
        cloud.put("provider", "AWS");
        if (!Strings.isBlank(account)) {
            cloud.set("account", account(account));
        }
        putIfPresent(cloud, "region", region);
    }

    static ObjectNode account(String accountId) {
        ObjectNode account = Json.mapper().createObjectNode();
        account.put("uid", accountId);
        account.put("type_id", ACCOUNT_TYPE_AWS_ACCOUNT);
        account.put("type", "AWS Account");
        return account;
    }

    /** Sets {@code field} (epoch ms) and {@code field_dt} (ISO-8601), or neither when {@code time} is null. */
    public static void time(ObjectNode node, String field, Instant time) {
        if (time != null) {
            node.put(field, time.toEpochMilli());
            node.put(field + "_dt", time.toString());
        }
    }

    /** Appends an observable when the value is present. */
    public static void observable(ArrayNode observables, int typeId, String type, String name, String value) {
        if (!Strings.isBlank(value)) {
            ObjectNode observable = observables.addObject();
            observable.put("type_id", typeId);
            observable.put("type", type);
            observable.put("name", name);
            observable.put("value", value);
        }
    }

    /**
     * The session lineage CloudTrail alone does not give: the origin identity behind a chain of role sessions, the
     * chain itself and the source identity, as an OCSF enrichment (the place for context added by the producer).
     */
    public static void lineage(ObjectNode event, String origin, List<String> chain, String sourceIdentity) {
        if (Strings.isBlank(origin)) {
            return;
        }
        ObjectNode enrichment = event.putArray("enrichments").addObject();
        enrichment.put("name", "session.origin");
        enrichment.put("value", origin);
        enrichment.put("type", "session-lineage");
        enrichment.put("provider", PRODUCT);
        enrichment.put("desc", "The identity that started the chain of sessions, and the chain from it to the actor");
        ObjectNode data = enrichment.putObject("data");
        data.put("origin", origin);
        ArrayNode path = data.putArray("chain");
        chain.forEach(path::add);
        data.put("depth", Math.max(0, chain.size() - 1));
        putIfPresent(data, "source_identity", sourceIdentity);
    }

    /**
     * A network endpoint for a CloudTrail source: {@code ip} for a literal address, otherwise {@code svc_name} (an
     * AWS service such as {@code ec2.amazonaws.com}) or, for a RoleTrail network prefix, {@code subnet_uid}.
     */
    public static ObjectNode endpoint(String source) {
        ObjectNode endpoint = Json.mapper().createObjectNode();
        if (Strings.isBlank(source)) {
            endpoint.put("name", "unknown");
        } else if (ipAddress(source) != null) {
            endpoint.put("ip", ipAddress(source));
        } else if (source.contains("/")) {
            endpoint.put("name", source);
            endpoint.put("subnet_uid", source);
        } else {
            endpoint.put("svc_name", source);
            endpoint.put("name", source);
        }
        return endpoint;
    }

    /** The address in canonical form when {@code value} is a literal IPv4 or IPv6 address, else null. */
    static String ipAddress(String value) {
        if (IPV4.matcher(value).matches()) {
            return value;
        }
        if (value.indexOf(':') < 0 || !IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            // The pattern admits only hex digits and colons, so this parses a literal and never looks a name up.
            InetAddress address = InetAddress.getByName(value);
            return address instanceof Inet6Address ? address.getHostAddress() : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (!Strings.isBlank(value)) {
            node.put(field, value);
        }
    }

    /** An IP address or network prefix observable for a CloudTrail source; service names are not observables. */
    static void networkObservable(ArrayNode observables, String name, String source) {
        if (Strings.isBlank(source)) {
            return;
        }
        String ip = ipAddress(source);
        if (ip != null) {
            observable(observables, OBSERVABLE_IP_ADDRESS, "IP Address", name + ".ip", ip);
        } else if (source.contains("/")) {
            observable(observables, OBSERVABLE_SUBNET, "Subnet", name + ".subnet_uid", source);
        }
    }
}
