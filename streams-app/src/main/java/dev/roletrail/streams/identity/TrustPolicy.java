package dev.roletrail.streams.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;

/**
 * The AWS principals a role's trust policy lets assume it: every {@code Principal.AWS} value (or {@code "*"}) of an
 * {@code Allow} statement. An {@code Allow} with {@code NotPrincipal} counts as {@code "*"} (everyone but the named).
 * Service and federated principals are not AWS principals and are left out.
 *
 * @param grants the AWS principals, in document order
 */
public record TrustPolicy(List<Grant> grants) {

    /**
     * One AWS principal a statement allows.
     *
     * @param principal   the value as written: {@code *}, an account id, an ARN or a unique id
     * @param account     the account it belongs to, or null for {@code *} and unique ids
     * @param conditional whether the statement carries a {@code Condition} (which may narrow it, e.g. to an org)
     * @param externalId  whether that condition requires an {@code sts:ExternalId} (the guard for third parties)
     */
    public record Grant(String principal, String account, boolean conditional, boolean externalId) {

        public Grant {
            Objects.requireNonNull(principal, "principal");
        }

        public Grant(String principal, String account, boolean conditional) {
            this(principal, account, conditional, false);
        }

        public boolean anyone() {
            return "*".equals(principal);
        }

        /** Whether the grant names a whole account: its id, or its {@code :root} ARN. */
        public boolean wholeAccount() {
            return Arns.isAccountId(principal) || principal.endsWith(":root");
        }

        /**
         * Whether an assumer (a principal ARN, or {@code account:<id>} for an account known only by its id) is one
         * of the principals this grant names. Conditions are not evaluated: a conditional grant covers its principal.
         */
        public boolean covers(String assumer) {
            if (anyone()) {
                return true;
            }
            if (wholeAccount()) {
                String assumerAccount = assumer.startsWith("account:") ? assumer.substring("account:".length())
                        : Arns.accountOf(assumer);
                return account != null && account.equals(assumerAccount);
            }
            return principal.equals(assumer);
        }
    }

    public TrustPolicy {
        grants = List.copyOf(grants);
    }

    /** The trust policy of an inventory role: none (nobody) when the document is missing or not a policy. */
    public static TrustPolicy of(JsonNode document) {
        if (document == null || document.isNull()) {
            return new TrustPolicy(List.of());
        }
        return parse(document.isTextual() ? document.asText() : document.toString()).orElse(new TrustPolicy(List.of()));
    }

    /** Whether some grant covers the assumer ({@link Grant#covers}). */
    public boolean allows(String assumer) {
        return grants.stream().anyMatch(grant -> grant.covers(assumer));
    }

    /**
     * Parses a policy document as CloudTrail writes it in {@code requestParameters}: a JSON string, sometimes
     * URL-encoded (as IAM returns it). Empty when the text is not a policy.
     */
    public static Optional<TrustPolicy> parse(String document) {
        return document(document).map(policy -> {
            List<Grant> grants = new ArrayList<>();
            for (JsonNode statement : statements(policy)) {
                if ("Allow".equals(statement.path("Effect").asText())) {
                    addGrants(statement, grants);
                }
            }
            return new TrustPolicy(grants);
        });
    }

    /** The policy document as a JSON object, from an inventory value (an object, or text as {@link #parse} reads). */
    public static Optional<JsonNode> document(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return value.isObject() ? Optional.of(value) : document(value.isTextual() ? value.asText() : value.toString());
    }

    /** The policy document as a JSON object, from text that may be URL-encoded; empty when it is not a policy. */
    public static Optional<JsonNode> document(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String json = text.strip();
        if (!json.startsWith("{")) {
            try {
                json = URLDecoder.decode(json, StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        JsonNode policy;
        try {
            policy = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return policy != null && policy.isObject() ? Optional.of(policy) : Optional.empty();
    }

    /** The statements of a policy document that are objects, in order (one statement may stand alone). */
    public static List<JsonNode> statements(JsonNode policy) {
        return asList(policy.get("Statement")).stream().filter(JsonNode::isObject).toList();
    }

    private static void addGrants(JsonNode statement, List<Grant> grants) {
        boolean conditional = statement.hasNonNull("Condition");
        boolean externalId = requiresExternalId(statement.get("Condition"));
        if (statement.has("NotPrincipal")) {
            grants.add(new Grant("*", null, conditional, externalId));
            return;
        }
        JsonNode principal = statement.get("Principal");
        if (principal == null) {
            return;
        }
        if (principal.isTextual()) {
            if ("*".equals(principal.asText())) {
                grants.add(new Grant("*", null, conditional, externalId));
            }
            return;
        }
        for (JsonNode value : asList(principal.get("AWS"))) {
            if (value.isTextual() && !value.asText().isBlank()) {
                String text = value.asText().strip();
                grants.add(new Grant(text, accountOf(text), conditional, externalId));
            }
        }
    }

    /** Whether any operator of the condition block tests {@code sts:ExternalId} (keys are case-insensitive). */
    private static boolean requiresExternalId(JsonNode condition) {
        if (condition == null || !condition.isObject()) {
            return false;
        }
        for (JsonNode operator : condition) {
            if (operator.isObject()) {
                for (java.util.Iterator<String> keys = operator.fieldNames(); keys.hasNext();) {
                    if (keys.next().equalsIgnoreCase("sts:ExternalId")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String accountOf(String principal) {
        return Arns.isAccountId(principal) ? principal : Arns.accountOf(principal);
    }

    /** A policy element that may be one value or an array of them, as a list. */
    public static List<JsonNode> asList(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
        return List.of(node);
    }
}
