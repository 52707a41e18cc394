package dev.roletrail.ingest.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.ingest.inventory.IamValues.InventoryFormatException;
import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InlinePolicy;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.ManagedPolicy;
import dev.roletrail.schemas.inventory.SnapshotSource;

/**
 * Reads the output of {@code aws iam get-account-authorization-details} (all pages merged, as the CLI prints it):
 * {@code UserDetailList}, {@code GroupDetailList}, {@code RoleDetailList} with the trust policy in
 * {@code AssumeRolePolicyDocument}, and {@code Policies} with their {@code PolicyVersionList}. Policy documents may be
 * JSON or URL-encoded JSON strings (the raw API form). One entry is parsed at a time.
 */
public final class AuthorizationDetailsReader {

    private AuthorizationDetailsReader() {
    }

    public static InventorySnapshot read(String origin, InputStream in, Instant takenAt) throws IOException {
        List<InventoryEntity> entities = new ArrayList<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InventoryFormatException("not authorization details: expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode entry = parser.readValueAsTree();
                    InventoryEntity entity = switch (field) {
                        case "UserDetailList" -> user(entry, takenAt);
                        case "GroupDetailList" -> group(entry, takenAt);
                        case "RoleDetailList" -> role(entry, takenAt);
                        case "Policies" -> policy(entry, takenAt);
                        default -> null;
                    };
                    if (entity != null) {
                        entities.add(entity);
                    }
                }
            }
        }
        return new InventorySnapshot(origin, accountOf(entities), SnapshotSource.AUTHORIZATION_DETAILS, takenAt,
                entities);
    }

    /** The one account the snapshot describes; AWS managed policies belong to none. */
    static String accountOf(List<InventoryEntity> entities) {
        String account = null;
        for (InventoryEntity entity : entities) {
            if (IamValues.awsManaged(entity.accountId())) {
                continue;
            }
            if (account != null && !account.equals(entity.accountId())) {
                throw new InventoryFormatException("one snapshot names two accounts: " + account + " and "
                        + entity.accountId());
            }
            account = entity.accountId();
        }
        if (account == null) {
            throw new InventoryFormatException("the snapshot names no account (no users, groups, roles or customer policies)");
        }
        return account;
    }

    private static IamUser user(JsonNode u, Instant takenAt) {
        String arn = IamValues.text(u, "Arn");
        List<String> groups = new ArrayList<>();
        u.path("GroupList").forEach(g -> groups.add(g.asText()));
        return new IamUser(arn, IamValues.accountOf(arn), takenAt, IamValues.text(u, "UserName"),
                IamValues.text(u, "UserId"), IamValues.text(u, "Path"), IamValues.time(u.get("CreateDate")), groups,
                attached(u), inline(u, "UserPolicyList"), boundary(u), IamValues.tags(u));
    }

    private static IamGroup group(JsonNode g, Instant takenAt) {
        String arn = IamValues.text(g, "Arn");
        return new IamGroup(arn, IamValues.accountOf(arn), takenAt, IamValues.text(g, "GroupName"),
                IamValues.text(g, "GroupId"), IamValues.text(g, "Path"), IamValues.time(g.get("CreateDate")),
                attached(g), inline(g, "GroupPolicyList"));
    }

    private static IamRole role(JsonNode r, Instant takenAt) {
        String arn = IamValues.text(r, "Arn");
        JsonNode lastUsed = r.path("RoleLastUsed");
        JsonNode maxSession = r.get("MaxSessionDuration");
        return new IamRole(arn, IamValues.accountOf(arn), takenAt, IamValues.text(r, "RoleName"),
                IamValues.text(r, "RoleId"), IamValues.text(r, "Path"), IamValues.time(r.get("CreateDate")),
                IamValues.policy(r.get("AssumeRolePolicyDocument")), attached(r), inline(r, "RolePolicyList"),
                maxSession == null || maxSession.isNull() ? null : maxSession.asInt(),
                IamValues.time(lastUsed.get("LastUsedDate")), IamValues.text(lastUsed, "Region"), boundary(r),
                IamValues.tags(r));
    }

    private static ManagedPolicy policy(JsonNode p, Instant takenAt) {
        String arn = IamValues.text(p, "Arn");
        String defaultVersion = IamValues.text(p, "DefaultVersionId");
        JsonNode document = null;
        for (JsonNode version : p.path("PolicyVersionList")) {
            if (version.path("IsDefaultVersion").asBoolean(false)
                    || (defaultVersion != null && defaultVersion.equals(IamValues.text(version, "VersionId")))) {
                document = IamValues.policy(version.get("Document"));
            }
        }
        return new ManagedPolicy(arn, IamValues.accountOf(arn), takenAt, IamValues.text(p, "PolicyName"),
                IamValues.text(p, "PolicyId"), IamValues.text(p, "Path"), defaultVersion, document,
                p.path("AttachmentCount").asInt(0), IamValues.time(p.get("CreateDate")),
                IamValues.time(p.get("UpdateDate")));
    }

    private static List<String> attached(JsonNode entity) {
        List<String> arns = new ArrayList<>();
        entity.path("AttachedManagedPolicies").forEach(a -> arns.add(a.path("PolicyArn").asText()));
        return arns;
    }

    private static List<InlinePolicy> inline(JsonNode entity, String field) {
        List<InlinePolicy> policies = new ArrayList<>();
        entity.path(field).forEach(p -> policies.add(new InlinePolicy(p.path("PolicyName").asText(),
                IamValues.policy(p.get("PolicyDocument")))));
        return policies;
    }

    private static String boundary(JsonNode entity) {
        JsonNode boundary = entity.get("PermissionsBoundary");
        return boundary == null ? null : IamValues.text(boundary, "PermissionsBoundaryArn");
    }
}
