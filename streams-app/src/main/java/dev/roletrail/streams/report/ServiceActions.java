package dev.roletrail.streams.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.roletrail.streams.unused.policy.ActionCatalog;

/**
 * IAM actions of one service, riskiest first, for a readable list of hundreds of unused actions: per service with
 * counts per access level, the services that can change permissions or write first.
 * <pre>
 * risk(action)  = permissions management &gt; write &gt; tagging &gt; read &gt; list &gt; unknown (AWS access levels)
 * order(groups) = by permissions-management actions, then write actions, then size, descending; then name
 * </pre>
 */
record ServiceActions(String service, List<String> actions, Map<String, Long> levels) {

    private static final List<String> LEVELS = List.of("Permissions management", "Write", "Tagging", "Read", "List");
    private static final ActionCatalog CATALOG = ActionCatalog.standard();

    ServiceActions {
        actions = List.copyOf(actions);
        levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    static List<ServiceActions> of(List<String> actions) {
        Map<String, List<String>> byService = new TreeMap<>();
        for (String action : actions) {
            int colon = action.indexOf(':');
            byService.computeIfAbsent(colon > 0 ? action.substring(0, colon) : action, s -> new ArrayList<>())
                    .add(action);
        }
        List<ServiceActions> groups = new ArrayList<>();
        byService.forEach((service, list) -> {
            List<String> sorted = list.stream().sorted(Comparator.comparingInt(ServiceActions::risk)
                    .thenComparing(Comparator.naturalOrder())).toList();
            Map<String, Long> levels = new LinkedHashMap<>();
            for (String action : sorted) {
                levels.merge(level(action), 1L, Long::sum);
            }
            groups.add(new ServiceActions(service, sorted, levels));
        });
        groups.sort(Comparator.comparingLong((ServiceActions g) -> -g.count(LEVELS.get(0)))
                .thenComparingLong(g -> -g.count(LEVELS.get(1))).thenComparingInt(g -> -g.actions().size())
                .thenComparing(ServiceActions::service));
        return groups;
    }

    /** {@code iam: 2 unused (1 permissions management, 1 write)}. */
    String summary(String what) {
        List<String> parts = new ArrayList<>();
        levels.forEach((level, n) -> parts.add(n + " " + level.toLowerCase(Locale.ROOT)));
        return service + ": " + actions.size() + " " + what + " (" + String.join(", ", parts) + ")";
    }

    /** Its actions that can change permissions or write: what makes unused access risky. */
    long risky() {
        return count(LEVELS.get(0)) + count(LEVELS.get(1));
    }

    private long count(String level) {
        return levels.getOrDefault(level, 0L);
    }

    private static String level(String action) {
        return CATALOG.find(action).map(ActionCatalog.CatalogAction::accessLevel).filter(LEVELS::contains)
                .orElse("unknown");
    }

    private static int risk(String action) {
        int index = LEVELS.indexOf(level(action));
        return index < 0 ? LEVELS.size() : index;
    }
}
