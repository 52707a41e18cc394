package dev.roletrail.simulator.output;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.simulator.org.Account;
import dev.roletrail.simulator.org.Ids;
import dev.roletrail.simulator.org.SimRole;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.traffic.Pipelines;

/**
 * The JSON of {@code aws iam get-account-authorization-details} for one account: users with an inline policy,
 * roles with their trust policy (in the shape each trust kind has), inline permissions and last use, and both with
 * their tags as IAM lists them ({@code "Tags": [{"Key": "owner", "Value": "..."}]}, left out when there are none).
 * A service-linked role has IAM's path {@code /aws-service-role/<service>/}.
 */
public final class AuthorizationDetails {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AuthorizationDetails() {
    }

    /** Writes the document as it goes, one user or role at a time: an account may have hundreds of thousands of users. */
    public static void write(OutputStream out, Account account, Iterator<SimUser> users, List<SimRole> roles,
            UsageTracker usage, Instant created) throws IOException {
        ObjectMapper mapper = Json.mapper();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("UserDetailList");
            while (users.hasNext()) {
                mapper.writeTree(json, user(users.next()));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("GroupDetailList");
            json.writeEndArray();
            json.writeArrayFieldStart("RoleDetailList");
            for (SimRole role : roles) {
                mapper.writeTree(json, role(account, role, usage, created));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Policies");
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static ObjectNode user(SimUser user) {
        ObjectNode u = NODES.objectNode().put("Path", "/").put("UserName", user.name()).put("UserId", user.userId())
                .put("Arn", user.arn()).put("CreateDate", user.keyCreated().toString());
        u.putArray("GroupList");
        u.putArray("AttachedManagedPolicies");
        u.putArray("UserPolicyList").addObject().put("PolicyName", "work")
                .set("PolicyDocument", allow(user.actions()));
        tags(u, user.tags());
        return u;
    }

    private static ObjectNode role(Account account, SimRole role, UsageTracker usage, Instant created) {
        ObjectNode r = NODES.objectNode().put("Path", role.path()).put("RoleName", role.name())
                .put("RoleId", Ids.roleId(role.arn()))
                .put("Arn", role.arn()).put("CreateDate", created.toString());
        r.set("AssumeRolePolicyDocument", trust(role));
        r.putArray("RolePolicyList").addObject().put("PolicyName", role.name() + "-permissions")
                .set("PolicyDocument", allow(role.actions()));
        r.putArray("AttachedManagedPolicies");
        r.put("MaxSessionDuration", 3600);
        ObjectNode lastUsed = r.putObject("RoleLastUsed");
        usage.roleLastUsed(role.arn()).ifPresent(t -> lastUsed.put("LastUsedDate", t.toString())
                .put("Region", account.homeRegion()));
        tags(r, role.tags());
        return r;
    }

    /** IAM's tag list, in the tags' order; no {@code Tags} field at all without tags, as IAM writes it. */
    private static void tags(ObjectNode entity, Map<String, String> tags) {
        if (!tags.isEmpty()) {
            ArrayNode list = entity.putArray("Tags");
            tags.forEach((key, value) -> list.addObject().put("Key", key).put("Value", value));
        }
    }

    /** One statement per trusted principal, shaped by what it is (account, service, SAML or OIDC provider). */
    static ObjectNode trust(SimRole role) {
        ObjectNode document = NODES.objectNode().put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        for (int i = 0; i < role.trusted().size(); i++) {
            String trusted = role.trusted().get(i);
            ObjectNode statement = statements.addObject().put("Effect", "Allow");
            if (trusted.endsWith(".amazonaws.com")) {
                statement.putObject("Principal").put("Service", trusted);
                statement.put("Action", "sts:AssumeRole");
            } else if (trusted.contains(":saml-provider/")) {
                statement.putObject("Principal").put("Federated", trusted);
                statement.put("Action", "sts:AssumeRoleWithSAML");
                statement.putObject("Condition").putObject("StringEquals")
                        .put("SAML:aud", "https://signin.aws.amazon.com/saml");
            } else if (trusted.contains(":oidc-provider/")) {
                statement.putObject("Principal").put("Federated", trusted);
                statement.put("Action", "sts:AssumeRoleWithWebIdentity");
                // Deliberately loose, as many real ones are: any repository's token is accepted (see NewOidcSubject).
                statement.putObject("Condition").putObject("StringLike")
                        .put(Pipelines.PROVIDER + ":sub", "repo:*");
            } else {
                statement.putObject("Principal").put("AWS", trusted);
                statement.put("Action", "sts:AssumeRole");
                if (role.name().equals("VendorAudit") && i == 0) {
                    statement.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", "acme-7f3a");
                }
                if (role.requiresMfa()) {
                    statement.putObject("Condition").putObject("Bool").put("aws:MultiFactorAuthPresent", "true");
                }
            }
        }
        return document;
    }

    private static ObjectNode allow(List<String> actions) {
        ObjectNode document = NODES.objectNode().put("Version", "2012-10-17");
        ObjectNode statement = document.putArray("Statement").addObject().put("Effect", "Allow");
        ArrayNode list = statement.putArray("Action");
        actions.forEach(list::add);
        statement.put("Resource", "*");
        return document;
    }
}
