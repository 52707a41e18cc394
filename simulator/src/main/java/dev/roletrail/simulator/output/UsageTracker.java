package dev.roletrail.simulator.output;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.org.UserDirectory;

/**
 * Remembers, from the events as they are written, when each user's long-term key and console password was last used
 * and each role last assumed, so the inventory says what the traffic did (as IAM's own last-used data would). Users
 * are tracked in arrays by index (their ids encode it), a few bytes per user at any scale; keys that belong to no
 * user of the directory (one an attacker created) are not in the credential report, so they are not tracked.
 */
public final class UsageTracker {

    private static final long NEVER = Long.MIN_VALUE;

    private final UserDirectory users;
    private final long[] keys;
    private final long[] consoles;
    private final Map<String, Instant> roles = new HashMap<>();

    public UsageTracker(UserDirectory users) {
        this.users = users;
        this.keys = new long[users.size()];
        this.consoles = new long[users.size()];
        Arrays.fill(keys, NEVER);
        Arrays.fill(consoles, NEVER);
    }

    public void observe(JsonNode event) {
        Instant at = Instant.parse(event.path("eventTime").asText());
        JsonNode identity = event.path("userIdentity");
        String key = identity.path("accessKeyId").asText("");
        if (key.startsWith("AKIA")) {
            later(keys, users.indexOfKey(key), at);
        }
        if ("ConsoleLogin".equals(event.path("eventName").asText()) && "IAMUser".equals(identity.path("type").asText())) {
            later(consoles, users.indexOfUserId(identity.path("principalId").asText("")), at);
        }
        String role = event.path("requestParameters").path("roleArn").asText("");
        if (!role.isEmpty() && event.path("errorCode").isMissingNode()
                && event.path("eventName").asText().startsWith("AssumeRole")) {
            roles.merge(role, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    private static void later(long[] lastUsed, int index, Instant at) {
        if (index >= 0) {
            lastUsed[index] = Math.max(lastUsed[index], at.getEpochSecond());
        }
    }

    public Optional<Instant> keyLastUsed(SimUser user) {
        return at(keys, users.indexOfKey(user.accessKeyId()));
    }

    public Optional<Instant> passwordLastUsed(SimUser user) {
        return at(consoles, users.indexOfUserId(user.userId()));
    }

    public Optional<Instant> roleLastUsed(String roleArn) {
        return Optional.ofNullable(roles.get(roleArn));
    }

    private static Optional<Instant> at(long[] lastUsed, int index) {
        return index < 0 || lastUsed[index] == NEVER ? Optional.empty() : Optional.of(Instant.ofEpochSecond(lastUsed[index]));
    }
}
