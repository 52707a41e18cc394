package dev.roletrail.simulator.output;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Remembers, from the events as they are written, when each long-term key and console password was last used and
 * each role last assumed, so the inventory says what the traffic did (as IAM's own last-used data would).
 */
public final class UsageTracker {

    private final Map<String, Instant> keys = new HashMap<>();
    private final Map<String, Instant> consoles = new HashMap<>();
    private final Map<String, Instant> roles = new HashMap<>();

    public void observe(JsonNode event) {
        Instant at = Instant.parse(event.path("eventTime").asText());
        JsonNode identity = event.path("userIdentity");
        String key = identity.path("accessKeyId").asText("");
        if (key.startsWith("AKIA")) {
            keys.merge(key, at, UsageTracker::later);
        }
        if ("ConsoleLogin".equals(event.path("eventName").asText()) && "IAMUser".equals(identity.path("type").asText())) {
            consoles.merge(identity.path("arn").asText(), at, UsageTracker::later);
        }
        String role = event.path("requestParameters").path("roleArn").asText("");
        if (!role.isEmpty() && event.path("errorCode").isMissingNode()
                && event.path("eventName").asText().startsWith("AssumeRole")) {
            roles.merge(role, at, UsageTracker::later);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    public Optional<Instant> keyLastUsed(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Optional<Instant> passwordLastUsed(String userArn) {
        return Optional.ofNullable(consoles.get(userArn));
    }

    public Optional<Instant> roleLastUsed(String roleArn) {
        return Optional.ofNullable(roles.get(roleArn));
    }
}
