package dev.roletrail.streams.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.keys.KeyUsage;
import dev.roletrail.streams.profile.AccessEdge;
import dev.roletrail.streams.profile.PrincipalProfile;
import dev.roletrail.streams.report.IsoWeek;
import dev.roletrail.streams.report.ReportBuilder;
import dev.roletrail.streams.report.ReportInputs;
import dev.roletrail.streams.report.ReportSettings;
import dev.roletrail.streams.report.WeeklyReport;
import dev.roletrail.streams.state.StoreNames;

/**
 * The query API over every instance of the app. A lookup by principal goes to the instance that owns the
 * principal's partition ({@code queryMetadataForKey}); everything else is a scatter-gather over every instance that
 * hosts the store ({@code streamsMetadataForStore}), because its key is not the partitioning key: access keys and
 * edges live in their owner's partition, alerts in their entity's, findings in their id's. An identity, keyed by
 * its id, is looked up at the instance owning its partition, like a principal.
 */
public final class ClusterQueries implements Queries {

    /** Enough for a week's alerts in a report; a public request is capped lower by the handler. */
    static final int MAX_ALERTS = 10_000;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final LocalStores local;
    private final QueryClient peers;
    private final Clock clock;
    private final ReportSettings reportSettings;

    public ClusterQueries(KafkaStreams streams, HostInfo self, String token, Clock clock,
            ReportSettings reportSettings) {
        this.streams = streams;
        this.self = self;
        this.local = new LocalStores(streams);
        this.peers = new QueryClient(token, Duration.ofSeconds(10));
        this.clock = clock;
        this.reportSettings = reportSettings;
    }

    @Override
    public PrincipalView principal(String id, boolean localOnly) {
        HostInfo owner = localOnly ? self : owner(StoreNames.PRINCIPAL_PROFILES, id);
        if (!owner.equals(self)) {
            return peers.get(owner, "/principals/" + PathSegment.encode(id) + "?local=true", new TypeReference<>() { });
        }
        PrincipalProfile profile = local.profile(id)
                .orElseThrow(() -> ApiError.notFound("no principal '" + id + "' has been observed"));
        List<KeyUsage> keys = local.keysOwnedBy(id);
        TreeSet<String> networks = new TreeSet<>();
        profile.networks().forEach(seen -> networks.add(seen.value()));
        keys.forEach(k -> k.networks().forEach(known -> networks.add(known.network())));
        return new PrincipalView(profile, local.edgesOf(id), keys, List.copyOf(networks), profile.lastSeen());
    }

    @Override
    public List<AccessEdge> assumers(String roleArn, boolean localOnly) {
        List<AccessEdge> edges = localOnly
                ? local.edges().stream().filter(e -> e.role().equals(roleArn)).toList()
                : gather(StoreNames.ACCESS_EDGES, "/roles/" + PathSegment.encode(roleArn) + "/assumers",
                        () -> assumers(roleArn, true), new TypeReference<>() { });
        if (edges.isEmpty() && !localOnly) {
            throw ApiError.notFound("no assumer of role '" + roleArn + "' has been observed");
        }
        return sorted(edges, Comparator.comparing(AccessEdge::assumer));
    }

    @Override
    public List<AccessEdge> edges(boolean localOnly) {
        List<AccessEdge> edges = localOnly ? local.edges()
                : gather(StoreNames.ACCESS_EDGES, "/edges", () -> edges(true), new TypeReference<>() { });
        return sorted(edges, Comparator.comparing(AccessEdge::assumer).thenComparing(AccessEdge::role));
    }

    @Override
    public Optional<KeyUsage> key(String keyId, boolean localOnly) {
        if (localOnly) {
            return local.key(keyId);
        }
        // The key sits in its owner's partition, which its id does not tell: ask every instance, one will know it.
        for (HostInfo host : hosts(StoreNames.KEY_USAGE)) {
            Optional<KeyUsage> found = host.equals(self) ? local.key(keyId) : askForOne(host, keyId);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<KeyUsage> askForOne(HostInfo host, String keyId) {
        try {
            return Optional.of(peers.get(host, "/keys/" + PathSegment.encode(keyId) + "?local=true",
                    new TypeReference<KeyUsage>() { }));
        } catch (ApiError e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Alert> alerts(int limit, Instant from, Instant to, boolean localOnly) {
        List<Alert> alerts = localOnly
                ? local.alerts().stream().filter(a -> !a.firstEventTime().isBefore(from) && a.firstEventTime().isBefore(to))
                        .toList()
                : gather(StoreNames.RECENT_ALERTS, "/alerts?limit=" + limit + "&from=" + from + "&to=" + to,
                        () -> alerts(limit, from, to, true), new TypeReference<>() { });
        return alerts.stream().sorted(Comparator.comparing(Alert::lastEventTime).reversed().thenComparing(Alert::id))
                .limit(limit).toList();
    }

    @Override
    public List<Finding> findings(boolean localOnly) {
        List<Finding> findings = localOnly ? local.findings()
                : gather(StoreNames.FINDINGS, "/findings", () -> findings(true), new TypeReference<>() { });
        return sorted(findings, Comparator.comparing(Finding::id));
    }

    @Override
    public List<Identity> identities(boolean localOnly) {
        List<Identity> identities = localOnly ? local.identities()
                : gather(StoreNames.IDENTITIES, "/identities", () -> identities(true), new TypeReference<>() { });
        return sorted(identities, Comparator.comparing(Identity::id));
    }

    /** The identities store is keyed by identity id: the instance owning the id's partition has it. */
    @Override
    public Identity identity(String id, boolean localOnly) {
        HostInfo owner = localOnly ? self : owner(StoreNames.IDENTITIES, id);
        if (!owner.equals(self)) {
            return peers.get(owner, "/identities/" + PathSegment.encode(id) + "?local=true", new TypeReference<>() { });
        }
        return local.identity(id).orElseThrow(() -> ApiError.notFound("no identity '" + id + "' is in the inventory"));
    }

    @Override
    public Optional<DataSpan> dataSpan(boolean localOnly) {
        List<DataSpan> spans = localOnly
                ? local.profiles().stream().map(DataSpan::of).reduce(DataSpan::merge).stream().toList()
                : gather(StoreNames.PRINCIPAL_PROFILES, "/data-span", () -> dataSpan(true).stream().toList(),
                        new TypeReference<>() { });
        return spans.stream().reduce(DataSpan::merge);
    }

    @Override
    public RecordAccounting accounting(boolean localOnly) {
        if (localOnly) {
            long events = local.profiles().stream().mapToLong(PrincipalProfile::events).sum();
            return RecordAccounting.of(events, local.exclusions());
        }
        // Profiles and exclusion counts are both in the stores of the CloudTrail topic's tasks: the same hosts.
        List<RecordAccounting> parts = gather(StoreNames.PRINCIPAL_PROFILES, "/accounting",
                () -> List.of(accounting(true)), new TypeReference<>() { });
        return parts.stream().reduce(RecordAccounting.none(), RecordAccounting::merge);
    }

    @Override
    public Optional<WeeklyReport> latestReport(String scope) {
        return local.reports().stream().filter(r -> r.scope().equals(scope))
                .max(Comparator.comparing(r -> IsoWeek.parse(r.week())));
    }

    @Override
    public List<WeeklyReport> reports(IsoWeek week) {
        List<WeeklyReport> published = published(week);
        if (!published.isEmpty()) {
            return published;
        }
        // Last week's alerts too: its counts come from the state when no report was written for it.
        ReportInputs inputs = new ReportInputs(findings(false), edges(false),
                alerts(MAX_ALERTS, week.previous().start(), week.end(), false),
                dataSpan(false).map(DataSpan::first).orElse(null), identities(false));
        // Earlier weeks' published reports: last week's counts and the findings trend's past weeks.
        IsoWeek first = week.minusWeeks(ReportBuilder.TREND_WEEKS - 1);
        List<WeeklyReport> earlier = local.reports().stream().filter(r -> {
            IsoWeek w = IsoWeek.parse(r.week());
            return w.compareTo(first) >= 0 && w.compareTo(week) < 0;
        }).toList();
        return ReportBuilder.build(week, clock.instant(), inputs, earlier, reportSettings);
    }

    /** The reports of the week already on the reports topic, by scope, organisation first. */
    public List<WeeklyReport> published(IsoWeek week) {
        return local.reports().stream().filter(r -> r.week().equals(week.toString()))
                .sorted(Comparator.comparing((WeeklyReport r) -> !r.scope().equals(WeeklyReport.ORG))
                        .thenComparing(WeeklyReport::scope))
                .toList();
    }

    /** Whether this instance owns the report job of the week: one instance does, whichever owns the week's key. */
    public boolean leadsReportOf(IsoWeek week) {
        try {
            return owner(StoreNames.FINDINGS, week.toString()).equals(self);
        } catch (ApiError notNow) {
            return false;
        }
    }

    @Override
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public String state() {
        return streams.state().name();
    }

    private HostInfo owner(String store, String key) {
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, new StringSerializer());
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw ApiError.unavailable("the owner of '" + key + "' is not known now (rebalancing?); retry shortly");
        }
        return metadata.activeHost();
    }

    /** Every instance's local answer, this one's without a round trip. Any instance failing fails the whole. */
    private <T> List<T> gather(String store, String pathAndQuery, Supplier<List<T>> here,
            TypeReference<List<T>> type) {
        List<HostInfo> hosts = hosts(store);
        String localPath = pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "local=true";
        List<T> all = new ArrayList<>();
        for (HostInfo host : hosts) {
            all.addAll(host.equals(self) ? here.get() : peers.get(host, localPath, type));
        }
        return all;
    }

    private List<HostInfo> hosts(String store) {
        List<HostInfo> hosts = streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .distinct().toList();
        if (hosts.isEmpty()) {
            throw ApiError.unavailable("no instance hosts " + store + " now (starting or rebalancing); retry shortly");
        }
        return hosts;
    }

    private static <T> List<T> sorted(List<T> values, Comparator<T> order) {
        return values.stream().sorted(order).toList();
    }
}
