package dev.roletrail.simulator.org;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An IAM user with one long-term key.
 *
 * @param networks   the /24 prefixes ("198.51.100") the user works from; the first is the usual one
 * @param keyCreated when the access key was created (old keys make key-rotation-overdue true)
 * @param joined     the first day the user acts (new joiners start mid-period)
 * @param roles      roles the user assumes in benign traffic
 * @param tags       its IAM tags (an owner or team tag, or none), in the order IAM lists them
 */
public record SimUser(String account, String name, String userId, String accessKeyId, Habit habit,
        List<String> networks, String userAgent, boolean consolePassword, Instant keyCreated, Instant joined,
        List<String> roles, Map<String, String> tags) {

    public SimUser {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(habit, "habit");
        Objects.requireNonNull(keyCreated, "keyCreated");
        Objects.requireNonNull(joined, "joined");
        if (accessKeyId == null || !accessKeyId.startsWith("AKIA")) {
            throw new IllegalArgumentException("a long-term key id starts with AKIA, was " + accessKeyId);
        }
        networks = List.copyOf(networks);
        roles = List.copyOf(roles);
        tags = OwnerTags.copy(tags);
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("user " + name + " needs a network");
        }
    }

    /** A user without tags. */
    public SimUser(String account, String name, String userId, String accessKeyId, Habit habit,
            List<String> networks, String userAgent, boolean consolePassword, Instant keyCreated, Instant joined,
            List<String> roles) {
        this(account, name, userId, accessKeyId, habit, networks, userAgent, consolePassword, keyCreated, joined,
                roles, Map.of());
    }

    /**
     * What its inline policy grants: people who assume roles may assume them and look around; the others read their
     * buckets.
     */
    public List<String> actions() {
        return roles.isEmpty() ? List.of("s3:ListAllMyBuckets", "s3:GetObject")
                : List.of("sts:AssumeRole", "s3:ListAllMyBuckets", "ec2:Describe*", "iam:List*");
    }

    public String arn() {
        return "arn:aws:iam::" + account + ":user/" + name;
    }
}
