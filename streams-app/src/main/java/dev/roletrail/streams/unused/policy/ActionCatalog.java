package dev.roletrail.streams.unused.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.roletrail.streams.detect.Glob;

/**
 * The IAM actions RoleTrail knows, per service, with whether CloudTrail logs each as a management event. IAM's full
 * action list cannot be fetched at build time, so a curated list ships with the app ({@code iam-actions.tsv}: service,
 * action, access level, observable yes/no). Action names compare case-insensitively, as IAM does.
 */
public final class ActionCatalog {

    /** One catalogued action, e.g. {@code s3:GetObject}, Read, not observable. */
    public record CatalogAction(String service, String name, String accessLevel, boolean observable) {

        public String action() {
            return service + ":" + name;
        }
    }

    private static final String RESOURCE = "iam-actions.tsv";

    /** Lower-case {@code service:action} → entry, sorted (so expansions come out in a stable order). */
    private final Map<String, CatalogAction> actions;
    private final Map<String, List<CatalogAction>> byService;
    /**
     * Expansions by pattern: the same few patterns (those of AWS managed policies above all) recur in every role's
     * policies, and each daily evaluation expands all of them. Bounded, since policies come from outside.
     */
    private final Map<String, List<String>> expansions = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_EXPANSIONS = 10_000;

    ActionCatalog(Collection<CatalogAction> entries) {
        Map<String, CatalogAction> all = new TreeMap<>();
        Map<String, List<CatalogAction>> services = new TreeMap<>();
        for (CatalogAction entry : entries) {
            all.put(entry.action().toLowerCase(Locale.ROOT), entry);
            services.computeIfAbsent(entry.service(), s -> new ArrayList<>()).add(entry);
        }
        this.actions = java.util.Collections.unmodifiableMap(all);
        services.replaceAll((service, list) -> List.copyOf(list));
        this.byService = java.util.Collections.unmodifiableMap(services);
    }

    /** The catalogue shipped with the app. */
    public static ActionCatalog standard() {
        try (InputStream in = ActionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ActionCatalog read(BufferedReader reader) throws IOException {
        List<CatalogAction> entries = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
            }
            entries.add(new CatalogAction(f[0], f[1], f[2], f[3].equals("yes")));
        }
        return new ActionCatalog(entries);
    }

    public boolean covers(String service) {
        return byService.containsKey(service.toLowerCase(Locale.ROOT));
    }

    public List<String> services() {
        return List.copyOf(byService.keySet());
    }

    public Optional<CatalogAction> find(String action) {
        return Optional.ofNullable(actions.get(action.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether CloudTrail logs the action as a management event. An action outside the catalogue counts as
     * observable: management events are what CloudTrail logs by default, and the catalogue lists the exceptions.
     */
    public boolean observable(String action) {
        return find(action).map(CatalogAction::observable).orElse(true);
    }

    /** The catalogued actions matching an IAM action pattern ({@code s3:Get*}, {@code *}), in catalogue spelling. */
    public List<String> matching(String pattern) {
        List<String> known = expansions.get(pattern);
        if (known != null) {
            return known;
        }
        List<String> matches = expand(pattern);
        if (expansions.size() < MAX_CACHED_EXPANSIONS) {
            expansions.put(pattern, matches);
        }
        return matches;
    }

    private List<String> expand(String pattern) {
        Glob glob = Glob.of(List.of(pattern.toLowerCase(Locale.ROOT)));
        List<String> matches = new ArrayList<>();
        for (Map.Entry<String, CatalogAction> entry : actions.entrySet()) {
            if (glob.matches(entry.getKey())) {
                matches.add(entry.getValue().action());
            }
        }
        return List.copyOf(matches);
    }
}
