package dev.roletrail.simulator.org;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Owner tags as RoleTrail reads them (its default owner tag keys): the first of {@code owner}, {@code team},
 * {@code Owner}, {@code Team} an identity carries names who answers for it. A value names an IAM user when it equals
 * the user's name or ARN, or is an email whose local part is the user's name; a value with no {@code @} and no
 * {@code user/} naming no user is a team.
 */
public final class OwnerTags {

    /** RoleTrail's default owner tag keys, in the order they are looked up. */
    public static final List<String> KEYS = List.of("owner", "team", "Owner", "Team");

    private OwnerTags() {
    }

    /** An immutable copy keeping IAM's order; null is no tags. */
    static Map<String, String> copy(Map<String, String> tags) {
        return tags == null || tags.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The owner the tags name: the value of the first owner key present. */
    public static Optional<String> owner(Map<String, String> tags) {
        return KEYS.stream().filter(tags::containsKey).map(tags::get).findFirst();
    }

    /** The IAM user name an owner value would refer to: the ARN's name, an email's local part, or the value. */
    public static String userName(String owner) {
        int user = owner.indexOf(":user/");
        if (user >= 0) {
            return owner.substring(owner.lastIndexOf('/') + 1);
        }
        int at = owner.indexOf('@');
        return at >= 0 ? owner.substring(0, at) : owner;
    }

    /** Whether a value can only name a person (an email or a user ARN), so that naming nobody makes it an orphan. */
    public static boolean namesPerson(String owner) {
        return owner.contains("@") || owner.toLowerCase(Locale.ROOT).contains("user/");
    }
}
