package dev.roletrail.streams.unused.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.roletrail.schemas.finding.ActionUsage;

/**
 * What a principal's policies grant, at action level: catalogued actions, actions named outright, and services granted
 * by a wildcard that the catalogue cannot enumerate.
 *
 * @param actions      granted {@code service:Action}s, sorted
 * @param uncatalogued services granted by a wildcard outside the catalogue; {@code *} stands for every service the
 *                     catalogue does not hold
 */
public record GrantedActions(SortedSet<String> actions, SortedSet<String> uncatalogued) {

    public static final String ALL_OTHER_SERVICES = "*";

    public GrantedActions {
        actions = Collections.unmodifiableSortedSet(new TreeSet<>(actions));
        uncatalogued = Collections.unmodifiableSortedSet(new TreeSet<>(uncatalogued));
    }

    public boolean isEmpty() {
        return actions.isEmpty() && uncatalogued.isEmpty();
    }

    /** How a service granted by an uncatalogued wildcard is written in findings: {@code ses:* (actions not catalogued)}. */
    public static String uncataloguedMarker(String service) {
        return service + ":* (actions not catalogued)";
    }

    /**
     * Splits the grants three ways against the actions used in the period (any spelling). A granted action is used
     * when seen, else unused when CloudTrail would have logged it, else not observable. An uncatalogued service is
     * unused when none of its actions was seen (for {@code *}: no action of any uncatalogued service), else not
     * observable, since which of its other actions went unused cannot be told; its used actions count as used.
     */
    public ActionUsage classify(Collection<String> usedActions, ActionCatalog catalog) {
        TreeMap<String, String> used = new TreeMap<>();
        usedActions.forEach(action -> used.put(action.toLowerCase(Locale.ROOT), action));
        SortedSet<String> usedGranted = new TreeSet<>();
        List<String> unused = new ArrayList<>();
        List<String> notObservable = new ArrayList<>();
        for (String action : actions) {
            if (used.containsKey(action.toLowerCase(Locale.ROOT))) {
                usedGranted.add(action);
            } else if (catalog.observable(action)) {
                unused.add(action);
            } else {
                notObservable.add(action);
            }
        }
        for (String service : uncatalogued) {
            List<String> usedOfService = used.values().stream()
                    .filter(action -> ofUncataloguedService(action, service, catalog)).toList();
            usedGranted.addAll(usedOfService);
            (usedOfService.isEmpty() ? unused : notObservable).add(uncataloguedMarker(service));
        }
        return new ActionUsage(List.copyOf(usedGranted), unused, notObservable);
    }

    private static boolean ofUncataloguedService(String action, String service, ActionCatalog catalog) {
        String actionService = serviceOf(action);
        return service.equals(ALL_OTHER_SERVICES) ? !catalog.covers(actionService) : service.equals(actionService);
    }

    static String serviceOf(String action) {
        int colon = action.indexOf(':');
        return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
}
