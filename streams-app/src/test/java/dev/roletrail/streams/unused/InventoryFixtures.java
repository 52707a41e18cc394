package dev.roletrail.streams.unused;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InlinePolicy;
import dev.roletrail.schemas.inventory.ManagedPolicy;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.schemas.inventory.UserCredentials.AccessKeyReport;

/** Inventory entities for findings tests, in account 111122223333. */
public final class InventoryFixtures {

    public static final String ACCOUNT = "111122223333";
    public static final Instant SNAPSHOT = Instant.parse("2026-06-01T00:00:00Z");

    private InventoryFixtures() {
    }

    public static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy allowing the actions on every resource. */
    public static JsonNode allow(String... actions) {
        return Json.mapper().createObjectNode().set("Statement", Json.mapper().createArrayNode().add(
                Json.mapper().createObjectNode().put("Effect", "Allow").put("Resource", "*")
                        .set("Action", Json.mapper().valueToTree(List.of(actions)))));
    }

    /** A trust policy letting the AWS principals assume the role. */
    public static JsonNode trusting(String... principals) {
        return json("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":"
                + Json.mapper().valueToTree(List.of(principals)) + "}}]}");
    }

    public static IamRole role(String name, Instant created, JsonNode trust, JsonNode inlinePolicy,
            Instant iamLastUsed) {
        return new IamRole("arn:aws:iam::" + ACCOUNT + ":role/" + name, ACCOUNT, SNAPSHOT, name, "AROA" + name, "/",
                created, trust, List.of(), inlinePolicy == null ? List.of() : List.of(new InlinePolicy("inline",
                        inlinePolicy)), 3600, iamLastUsed, null, null, Map.of());
    }

    /** The role with these IAM tags. */
    public static IamRole tagged(IamRole role, Map<String, String> tags) {
        return new IamRole(role.arn(), role.accountId(), role.snapshotTime(), role.name(), role.id(), role.path(),
                role.createDate(), role.trustPolicy(), role.attachedPolicyArns(), role.inlinePolicies(),
                role.maxSessionDurationSeconds(), role.lastUsed(), role.lastUsedRegion(),
                role.permissionsBoundaryArn(), tags);
    }

    public static IamUser user(String name, Instant created, List<String> groups, List<String> managedPolicies) {
        return new IamUser(userArn(name), ACCOUNT, SNAPSHOT, name, "AIDA" + name, "/", created, groups,
                managedPolicies, List.of(), null, Map.of());
    }

    public static String userArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
    }

    public static ManagedPolicy managedPolicy(String name, JsonNode document) {
        return new ManagedPolicy("arn:aws:iam::" + ACCOUNT + ":policy/" + name, ACCOUNT, SNAPSHOT, name, "ANPA" + name,
                "/", "v1", document, 1, SNAPSHOT, SNAPSHOT);
    }

    public static UserCredentials credentials(String name, Instant created, Instant passwordLastUsed,
            AccessKeyReport... keys) {
        return new UserCredentials(userArn(name), ACCOUNT, SNAPSHOT, name, created, passwordLastUsed != null,
                passwordLastUsed, null, false, List.of(keys), List.of());
    }

    public static AccessKeyReport key(int slot, boolean active, Instant rotated, Instant lastUsed) {
        return new AccessKeyReport(slot, active, rotated, lastUsed, null, null);
    }
}
