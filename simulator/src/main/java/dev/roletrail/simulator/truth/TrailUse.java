package dev.roletrail.simulator.truth;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.identity.Identity;

/**
 * What the written trail shows was used, read back from the events as the simulator hands them to the log objects
 * (benign and attack alike, each once, before delivery duplicates them): per principal its latest activity and the
 * IAM actions it used, per role who assumed it (assumer, the origin of the chain, network, client), per role and
 * assumer the actions of those sessions, per long-term key its latest use, the federated subjects that assumed a
 * role (as RoleTrail names them: {@link Identity#samlId}, {@link Identity#federatedId}; with their identity
 * type). Only the trail is read, never the
 * scenarios' intent, so use the trail does not show (a session whose issuing call is missing) stays unattributed,
 * as it is for RoleTrail. Holds a few maps per principal, so it is only kept up to
 * {@link dev.roletrail.simulator.Simulator#TRUTH_MAX_USERS} users.
 */
public final class TrailUse {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}");
    private static final Set<String> ASSUME = Set.of("AssumeRole", "AssumeRoleWithSAML",
            "AssumeRoleWithWebIdentity");

    /** A session the trail shows being issued: its role, who assumed it and where its chain began. */
    private record Session(String role, String assumer, String origin) {
    }

    private Instant earliest;
    private Instant latest;
    private final Map<String, Instant> lastActive = new HashMap<>();
    private final Map<String, Instant> keys = new HashMap<>();
    private final Map<String, Map<String, Instant>> actions = new HashMap<>();
    private final Map<String, Map<String, Instant>> assumerActions = new HashMap<>();
    private final Map<String, Map<String, Instant>> assumers = new HashMap<>();
    private final Map<String, Map<String, Instant>> origins = new HashMap<>();
    private final Map<String, Map<String, Instant>> networks = new HashMap<>();
    private final Map<String, Map<String, Instant>> clients = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, String> federated = new HashMap<>();

    public void observe(JsonNode event) {
        Instant at = Instant.parse(event.path("eventTime").asText());
        earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
        latest = latest == null || at.isAfter(latest) ? at : latest;
        JsonNode identity = event.path("userIdentity");
        String key = identity.path("accessKeyId").asText("");
        // The role owner's copy of a cross-account call: the caller's copy already counted the call.
        if (event.has("sharedEventID") && "AWSAccount".equals(identity.path("type").asText())) {
            return;
        }
        String principal = principal(identity);
        Session session = sessions.get(key);
        later(lastActive, principal, at);
        if (key.startsWith("AKIA")) {
            later(keys, key, at);
        }
        boolean refused = event.hasNonNull("errorCode");
        Optional<String> action = refused ? Optional.empty()
                : IamActions.of(event.path("eventSource").asText(), event.path("eventName").asText());
        action.ifPresent(a -> {
            later(actions, principal, a, at);
            if (session != null) {
                later(assumerActions, pair(session.role(), session.assumer()), a, at);
            }
        });
        String role = event.path("requestParameters").path("roleArn").asText("");
        if (!refused && !role.isEmpty() && ASSUME.contains(event.path("eventName").asText())) {
            String origin = session != null ? session.origin() : principal;
            assumed(event, role, principal, origin, at);
            String type = identity.path("type").asText();
            if (type.equals("SAMLUser") || type.equals("WebIdentityUser")) {
                String provider = identity.path("identityProvider").asText();
                String subject = identity.path("userName").asText();
                federated.put(type.equals("SAMLUser") ? Identity.samlId(provider, subject)
                        : Identity.federatedId(provider, subject), type);
            }
        }
    }

    private void assumed(JsonNode event, String role, String assumer, String origin, Instant at) {
        later(lastActive, role, at);
        later(assumers, role, assumer, at);
        later(origins, role, origin, at);
        Matcher ip = IPV4.matcher(event.path("sourceIPAddress").asText());
        if (ip.matches()) {
            later(networks, role, ip.group(1), at);
        }
        later(clients, role, client(event.path("userAgent").asText()), at);
        String issued = event.path("responseElements").path("credentials").path("accessKeyId").asText("");
        if (!issued.isEmpty()) {
            sessions.put(issued, new Session(role, assumer, origin));
        }
    }

    /** The principal a CloudTrail identity stands for: an IAM ARN, the role behind a session, or a typed name. */
    static String principal(JsonNode identity) {
        return switch (identity.path("type").asText()) {
            case "AssumedRole" -> identity.path("sessionContext").path("sessionIssuer").path("arn").asText();
            case "SAMLUser" -> "saml:" + identity.path("identityProvider").asText() + "/"
                    + identity.path("userName").asText();
            case "WebIdentityUser" -> "web-identity:" + identity.path("identityProvider").asText() + "/"
                    + identity.path("userName").asText();
            case "AWSService" -> "service:" + identity.path("invokedBy").asText();
            case "AWSAccount" -> "account:" + identity.path("accountId").asText();
            default -> identity.path("arn").asText();
        };
    }

    /** The tool of a user agent, without version or platform: "aws-cli", "boto3", "mozilla". */
    static String client(String userAgent) {
        String lower = userAgent.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < lower.length() && "/ (;,".indexOf(lower.charAt(end)) < 0) {
            end++;
        }
        return lower.substring(0, end);
    }

    static String pair(String role, String assumer) {
        return role + "\u0000" + assumer;
    }

    private static void later(Map<String, Instant> map, String key, Instant at) {
        map.merge(key, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    private static void later(Map<String, Map<String, Instant>> map, String key, String item, Instant at) {
        later(map.computeIfAbsent(key, k -> new HashMap<>()), item, at);
    }

    /** What the findings of one evaluation read: the use as of now, read-only. */
    public Snapshot snapshot() {
        return new Snapshot(earliest, latest, lastActive, keys, actions, assumerActions, assumers, origins, networks,
                clients, federated);
    }

    /**
     * Use as the trail shows it; each map holds item → latest use.
     *
     * @param assumerActions keyed by {@link #pair(String, String)} of role and assumer
     * @param federated      federated subjects that assumed a role ({@code saml:<provider>/<user>} or {@code web-identity:<provider>/<subject>}, the
     *                       provider as the identity names it) → their identity type, SAMLUser or WebIdentityUser
     */
    public record Snapshot(Instant earliest, Instant latest, Map<String, Instant> lastActive,
            Map<String, Instant> keys, Map<String, Map<String, Instant>> actions,
            Map<String, Map<String, Instant>> assumerActions, Map<String, Map<String, Instant>> assumers,
            Map<String, Map<String, Instant>> origins, Map<String, Map<String, Instant>> networks,
            Map<String, Map<String, Instant>> clients, Map<String, String> federated) {

        /** The items of an entity's map used at or after {@code since}. */
        static SortedSet<String> since(Map<String, Map<String, Instant>> map, String entity, Instant since) {
            SortedSet<String> items = new TreeSet<>();
            map.getOrDefault(entity, Map.of()).forEach((item, at) -> {
                if (!at.isBefore(since)) {
                    items.add(item);
                }
            });
            return items;
        }

        /** Whether the trail shows the entity acting, or being assumed, at any time. */
        boolean active(String entity) {
            return lastActive.containsKey(entity);
        }

        boolean activeSince(String entity, Instant since) {
            Instant at = lastActive.get(entity);
            return at != null && !at.isBefore(since);
        }
    }
}
