package dev.roletrail.streams.unused.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;

/**
 * An IAM identity policy, as much of it as action-level analysis needs: per statement its effect, its
 * {@code Action} or {@code NotAction} patterns, whether it is limited to some resources and whether it has a
 * condition. {@code Statement} may be one object or an array; {@code Action}, {@code NotAction} and {@code Resource}
 * a string or an array.
 */
public record PolicyDocument(List<Statement> statements) {

    /**
     * @param allow      Allow (true) or Deny
     * @param actions    the {@code Action} patterns, or the {@code NotAction} patterns when {@code notAction}
     * @param notAction  whether the patterns name what the statement does not cover
     * @param allResources whether the statement covers every resource ({@code Resource: "*"}, or none given)
     * @param conditional whether the statement carries a {@code Condition}
     */
    public record Statement(boolean allow, List<String> actions, boolean notAction, boolean allResources,
            boolean conditional) {

        public Statement {
            actions = List.copyOf(actions);
        }

        /** A Deny that applies whatever the request: only such a statement surely takes an action away. */
        public boolean unconditionalDeny() {
            return !allow && allResources && !conditional;
        }
    }

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public static final PolicyDocument EMPTY = new PolicyDocument(List.of());

    /**
     * Reads a policy from its JSON tree, or from a text node holding the JSON (as some API answers carry it).
     * Statements without an {@code Effect} of Allow or Deny are skipped; anything that is not a policy is empty.
     */
    public static PolicyDocument parse(JsonNode document) {
        JsonNode policy = document;
        if (policy != null && policy.isTextual()) {
            try {
                policy = Json.mapper().readTree(policy.asText());
            } catch (JsonProcessingException e) {
                return EMPTY;
            }
        }
        if (policy == null || !policy.isObject()) {
            return EMPTY;
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode statement : asList(policy.get("Statement"))) {
            String effect = statement.path("Effect").asText("");
            if (!statement.isObject() || !(effect.equals("Allow") || effect.equals("Deny"))) {
                continue;
            }
            boolean notAction = statement.has("NotAction");
            List<String> actions = texts(statement.get(notAction ? "NotAction" : "Action"));
            List<String> resources = texts(statement.get("Resource"));
            boolean allResources = !statement.has("NotResource")
                    && (resources.isEmpty() || resources.contains("*"));
            statements.add(new Statement(effect.equals("Allow"), actions, notAction, allResources,
                    statement.hasNonNull("Condition")));
        }
        return new PolicyDocument(statements);
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : asList(node)) {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText().strip());
            }
        }
        return values;
    }

    private static List<JsonNode> asList(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }

    /** Statements of several documents, in order (a principal's policies all apply together). */
    public static PolicyDocument combine(List<PolicyDocument> documents) {
        List<Statement> all = new ArrayList<>();
        documents.forEach(d -> all.addAll(Objects.requireNonNull(d).statements()));
        return new PolicyDocument(all);
    }
}
