package dev.roletrail.ingest.read;

import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.databind.JsonNode;

/** How deeply a JSON tree nests objects and arrays (a scalar is 0, {@code {}} is 1), without recursion. */
final class Depth {

    private Depth() {
    }

    static int of(JsonNode root) {
        record Level(JsonNode node, int depth) {
        }
        int max = 0;
        Deque<Level> pending = new ArrayDeque<>();
        pending.push(new Level(root, 1));
        while (!pending.isEmpty()) {
            Level level = pending.pop();
            if (!level.node().isContainerNode()) {
                continue;
            }
            max = Math.max(max, level.depth());
            for (JsonNode child : level.node()) {
                pending.push(new Level(child, level.depth() + 1));
            }
        }
        return max;
    }
}
