package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The main sources' packages depend on each other one way only: from the topology (this package) down through the
 * detector catalogue and the detectors' packages to the detector framework ({@code detect}), the event model
 * ({@code identity}) and the state and time utilities. A package depends on another when one of its files names a
 * class of it (an import, or a qualified name in code); a package and its subpackage are two packages.
 */
class PackageCyclesTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final String BASE = "dev.roletrail.streams";
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.roletrail\\.streams((?:\\.[a-z]\\w*)*)\\.(?:[A-Z*])");
    private static final Pattern COMMENT = Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*");

    @Test
    void shouldFindNoPackageThatDependsOnItself() throws IOException {
        Map<String, Map<String, Path>> graph = dependencies(SOURCES.resolve(BASE.replace('.', '/')));

        assertThat(graph).as("packages read from %s", SOURCES.toAbsolutePath()).containsKeys(BASE, BASE + ".detect");
        assertThat(cycles(graph)).as("package cycles (each package → the next, through the file named)").isEmpty();
    }

    /** Package → package it depends on → one file of the first that names a class of the second. */
    private static Map<String, Map<String, Path>> dependencies(Path root) throws IOException {
        Map<String, Map<String, Path>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Matcher declared = PACKAGE.matcher(source);
                assertThat(declared.find()).as("package of %s", file).isTrue();
                String from = declared.group(1);
                Map<String, Path> targets = graph.computeIfAbsent(from, p -> new TreeMap<>());
                Matcher reference = REFERENCE.matcher(COMMENT.matcher(source.substring(declared.end())).replaceAll(""));
                while (reference.find()) {
                    String to = BASE + reference.group(1);
                    if (!to.equals(from)) {
                        targets.putIfAbsent(to, root.relativize(file));
                    }
                }
            }
        }
        return graph;
    }

    /**
     * Every pair of packages that depend on each other, e.g. {@code a ⇄ b (a/X.java, b/Y.java)}; then one cycle per
     * strongly connected set of packages, e.g. {@code a → b (a/X.java) → c (b/Y.java) → a (c/Z.java)}.
     */
    private static List<String> cycles(Map<String, Map<String, Path>> graph) {
        List<String> cycles = new ArrayList<>();
        graph.forEach((from, targets) -> targets.forEach((to, file) -> {
            Path back = graph.getOrDefault(to, Map.of()).get(from);
            if (back != null && from.compareTo(to) < 0) {
                cycles.add(named(from) + " ⇄ " + named(to) + " (" + file + ", " + back + ")");
            }
        }));
        for (TreeSet<String> component : new StronglyConnected(graph).components()) {
            if (component.size() > 1) {
                cycles.add(describe(graph, component));
            }
        }
        return cycles;
    }

    /** A shortest path from the component's first package back to itself, each step with the file that makes it. */
    private static String describe(Map<String, Map<String, Path>> graph, TreeSet<String> component) {
        String start = component.first();
        Map<String, String> previous = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        String last = null;
        while (last == null && !queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : graph.getOrDefault(at, Map.of()).keySet()) {
                if (next.equals(start)) {
                    last = at;
                    break;
                }
                if (component.contains(next) && previous.putIfAbsent(next, at) == null) {
                    queue.addLast(next);
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (String at = last; at != null && !at.equals(start); at = previous.get(at)) {
            path.add(0, at);
        }
        path.add(0, start);
        path.add(start);
        StringBuilder text = new StringBuilder(named(start));
        for (int i = 1; i < path.size(); i++) {
            text.append(" → ").append(named(path.get(i)))
                    .append(" (").append(graph.get(path.get(i - 1)).get(path.get(i))).append(')');
        }
        return text + "; all of " + component.stream().map(PackageCyclesTest::named).toList()
                + " depend on each other";
    }

    private static String named(String pkg) {
        return pkg.equals(BASE) ? "(root)" : pkg.substring(BASE.length() + 1);
    }

    /** Tarjan's strongly connected components, on a graph small enough for recursion. */
    private static final class StronglyConnected {

        private final Map<String, Map<String, Path>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final List<TreeSet<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, Map<String, Path>> graph) {
            this.graph = graph;
        }

        List<TreeSet<String>> components() {
            for (String pkg : graph.keySet()) {
                if (!index.containsKey(pkg)) {
                    visit(pkg);
                }
            }
            return components;
        }

        private void visit(String pkg) {
            index.put(pkg, index.size());
            low.put(pkg, index.get(pkg));
            stack.push(pkg);
            for (String next : graph.getOrDefault(pkg, Map.of()).keySet()) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(pkg, Math.min(low.get(pkg), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(pkg, Math.min(low.get(pkg), index.get(next)));
                }
            }
            if (low.get(pkg).equals(index.get(pkg))) {
                TreeSet<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    component.add(member);
                } while (!member.equals(pkg));
                components.add(component);
            }
        }
    }
}
