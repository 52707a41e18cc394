package dev.roletrail.streams.unused.policy;

import java.util.Collection;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;

/**
 * Generates an IAM policy that allows exactly the actions observed: one Allow statement, actions sorted, on every
 * resource (CloudTrail does not name the resource of every call, so narrowing resources is left to the reviewer).
 * Actions CloudTrail cannot observe are not in it; the finding lists them for review.
 */
public final class LeastPrivilegePolicy {

    private LeastPrivilegePolicy() {
    }

    public static String of(Collection<String> actions) {
        ObjectNode policy = Json.mapper().createObjectNode();
        policy.put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject();
        statement.put("Sid", "ObservedUse");
        statement.put("Effect", "Allow");
        ArrayNode list = statement.putArray("Action");
        new TreeSet<>(actions).forEach(list::add);
        statement.put("Resource", "*");
        try {
            return Json.mapper().writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
