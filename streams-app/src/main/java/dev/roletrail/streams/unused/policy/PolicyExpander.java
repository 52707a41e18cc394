package dev.roletrail.streams.unused.policy;

import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.roletrail.streams.detect.Glob;

/**
 * Expands policy statements into granted actions against the {@link ActionCatalog}. Allow statements add what their
 * {@code Action} patterns match (or, for {@code NotAction}, every catalogued action they do not match); Deny
 * statements that apply to every resource without a condition take actions away. A conditional or resource-scoped
 * Deny leaves the action granted elsewhere, so it removes nothing. Resources of Allow statements are not narrowed:
 * the analysis is per action.
 */
public final class PolicyExpander {

    private final ActionCatalog catalog;

    public PolicyExpander(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    public GrantedActions expand(PolicyDocument policy) {
        SortedSet<String> actions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        SortedSet<String> uncatalogued = new TreeSet<>();
        for (PolicyDocument.Statement statement : policy.statements()) {
            if (statement.allow()) {
                allow(statement, actions, uncatalogued);
            }
        }
        for (PolicyDocument.Statement statement : policy.statements()) {
            if (statement.unconditionalDeny()) {
                deny(statement, actions, uncatalogued);
            }
        }
        return new GrantedActions(actions, uncatalogued);
    }

    private void allow(PolicyDocument.Statement statement, SortedSet<String> actions, SortedSet<String> uncatalogued) {
        if (statement.notAction()) {
            Glob excluded = glob(statement.actions());
            catalog.matching("*").stream().filter(a -> !excluded.matches(a.toLowerCase(Locale.ROOT)))
                    .forEach(actions::add);
            uncatalogued.add(GrantedActions.ALL_OTHER_SERVICES);
            return;
        }
        for (String pattern : statement.actions()) {
            String service = GrantedActions.serviceOf(pattern);
            boolean wildcard = pattern.contains("*") || pattern.contains("?");
            if (service.contains("*") || service.contains("?")) {
                actions.addAll(catalog.matching(pattern));
                uncatalogued.add(GrantedActions.ALL_OTHER_SERVICES);
            } else if (catalog.covers(service)) {
                List<String> matches = catalog.matching(pattern);
                actions.addAll(matches);
                if (matches.isEmpty() && !wildcard) {
                    actions.add(pattern);
                }
            } else if (wildcard) {
                uncatalogued.add(service);
            } else {
                actions.add(pattern);
            }
        }
    }

    private static void deny(PolicyDocument.Statement statement, SortedSet<String> actions,
            SortedSet<String> uncatalogued) {
        Glob patterns = glob(statement.actions());
        if (statement.notAction()) {
            actions.removeIf(a -> !patterns.matches(a.toLowerCase(Locale.ROOT)));
            uncatalogued.removeIf(service -> !patterns.matches(service + ":*"));
        } else {
            actions.removeIf(a -> patterns.matches(a.toLowerCase(Locale.ROOT)));
            uncatalogued.removeIf(service -> patterns.matches(service + ":*"));
        }
    }

    private static Glob glob(List<String> patterns) {
        return Glob.of(patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
    }
}
