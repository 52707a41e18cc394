package dev.roletrail.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.streams.alert.KeyBySuppression;
import dev.roletrail.streams.alert.SuppressionProcessor;
import dev.roletrail.streams.alert.SuppressionState;
import dev.roletrail.streams.burst.AssumeAttempts;
import dev.roletrail.streams.burst.AssumeRoleDeniedBurstDetector;
import dev.roletrail.streams.burst.DenialBurstProcessor;
import dev.roletrail.streams.catalog.DetectorCatalog;
import dev.roletrail.streams.chain.RoleChainDetector;
import dev.roletrail.streams.chain.PendingChainPath;
import dev.roletrail.streams.chain.RoleChainProcessor;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.dedup.DeduplicateProcessor;
import dev.roletrail.streams.detect.AlertPolicy;
import dev.roletrail.streams.detect.DetectorSettings;
import dev.roletrail.streams.dormant.DormantCredentialReactivatedDetector;
import dev.roletrail.streams.federation.FederatedAssumption;
import dev.roletrail.streams.federation.FederatedSubjectProcessor;
import dev.roletrail.streams.federation.NewFederatedSubjectDetector;
import dev.roletrail.streams.federation.RoleFederation;
import dev.roletrail.streams.identity.HeldEvents;
import dev.roletrail.streams.identity.HeldEventsCodec;
import dev.roletrail.streams.identity.LineageInput;
import dev.roletrail.streams.identity.LineageOutput;
import dev.roletrail.streams.identity.LineageProcessor;
import dev.roletrail.streams.identity.Observation;
import dev.roletrail.streams.identity.ObservationCodec;
import dev.roletrail.streams.identity.SessionCodec;
import dev.roletrail.streams.keys.KeyUsageCodec;
import dev.roletrail.streams.keys.KeyUsageProcessor;
import dev.roletrail.streams.keys.NewNetworkForKeyDetector;
import dev.roletrail.streams.parse.EventTimeExtractor;
import dev.roletrail.streams.parse.ParseCloudTrailProcessor;
import dev.roletrail.streams.parse.ParseOutcome;
import dev.roletrail.streams.parse.SessionTimestampExtractor;
import dev.roletrail.streams.profile.AccessEdgeCodec;
import dev.roletrail.streams.profile.ActivityOutput;
import dev.roletrail.streams.profile.AssumerReport;
import dev.roletrail.streams.profile.AssumerReportCodec;
import dev.roletrail.streams.profile.FirstTimeAssumptionDetector;
import dev.roletrail.streams.profile.PrincipalActivityProcessor;
import dev.roletrail.streams.profile.PrincipalProfileCodec;
import dev.roletrail.streams.profile.RoleAssumers;
import dev.roletrail.streams.profile.RoleAssumersProcessor;
import dev.roletrail.streams.query.QueryConfig;
import dev.roletrail.streams.query.RecentAlertsProcessor;
import dev.roletrail.streams.rate.AssumptionRate;
import dev.roletrail.streams.rate.AssumptionRateAnomalyDetector;
import dev.roletrail.streams.rate.AssumptionRateProcessor;
import dev.roletrail.streams.session.CredentialNetworkSharingDetector;
import dev.roletrail.streams.session.NetworkActivity;
import dev.roletrail.streams.session.NetworkSharingProcessor;
import dev.roletrail.streams.session.NetworkUse;
import dev.roletrail.streams.session.NetworkUseCodec;
import dev.roletrail.streams.session.RoleClients;
import dev.roletrail.streams.session.SessionCredentialNetworkChangeDetector;
import dev.roletrail.streams.session.SessionUseCodec;
import dev.roletrail.streams.session.SessionUseProcessor;
import dev.roletrail.streams.siem.DetectionFindingMapper;
import dev.roletrail.streams.siem.IamAnalysisFindingMapper;
import dev.roletrail.streams.siem.IdentityActivityMapper;
import dev.roletrail.streams.siem.SiemForward;
import dev.roletrail.streams.state.Encoded;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.streams.state.StoreNames;
import dev.roletrail.streams.state.WriteBackStoreBuilder;
import dev.roletrail.streams.time.DueBucket;
import dev.roletrail.streams.time.DueBucketSerde;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.unused.AssumerActions;
import dev.roletrail.streams.unused.EntityPartitioner;
import dev.roletrail.streams.unused.EvaluationPass;
import dev.roletrail.streams.unused.FindingsEvaluator;
import dev.roletrail.streams.unused.FindingsProcessor;
import dev.roletrail.streams.unused.InventoryChanges;
import dev.roletrail.streams.unused.InventoryStoreUpdater;
import dev.roletrail.streams.unused.PassOutput;
import dev.roletrail.streams.unused.UsageRecorder;
import dev.roletrail.streams.unused.UsageSignal;
import dev.roletrail.streams.unused.UsageSignalCodec;
import dev.roletrail.streams.unused.UsageSignals;
import dev.roletrail.streams.unused.policy.ActionCatalog;
import dev.roletrail.streams.unused.policy.CloudTrailActionMapper;

/**
 * The one place the topology is wired:
 * <pre>
 * roletrail.cloudtrail (key principal, value CloudTrail JSON)
 *   → parse (bad records → roletrail.deadletter) → drop duplicate eventIDs
 *   → lineage (+ roletrail.sessions, written and read back here) → observations (key principal)
 *   → detectors, each branch owning its state → enabled / allowlist policy
 *   → repartition by detector and entity → suppression → roletrail.alerts (key alert id, value Alert JSON)
 * roletrail.findings (key finding id, value Finding JSON) → findings store (KTable)
 *   and, with suppressed alerts and, if enabled, observations → OCSF 1.8.0 → roletrail.siem (key metadata.uid)
 * roletrail.identities (key identity id, value Identity JSON) → identities store (KTable)
 * roletrail.reports (key week/scope, value report JSON) → reports global store
 * observations → usage signals and traits (once per day each) → repartition by entity (watermarks to every
 *   partition), with roletrail.inventory as a global store → daily evaluation of the entities each task owns, in
 *   chunks → roletrail.findings (compacted, key finding id, value Finding JSON)
 *   and roletrail.identities (compacted, key identity id, value Identity JSON)
 * </pre>
 */
public final class RoleTrailTopology {

    /**
     * For the changelogs of window stores. Their records carry event time, months old in a backfill, and the broker
     * deletes a window store's changelog by time: with CreateTime it deleted them at once, and a store restored from
     * it (after a crash, a rebalance, or a changelog offset gone out of range) came back without them, letting
     * duplicate events through the duplicate filter. Stamped on append, they stay for the retention in wall-clock time;
     * the store reads a record's window from its key, not from the record's timestamp.
     */
    private static final Map<String, String> APPEND_TIME = Map.of("message.timestamp.type", "LogAppendTime");

    /** The repartition between the detectors and the suppression step; the latency benchmark reads it too. */
    public static final String ALERTS_BY_ENTITY = "alerts-by-entity";
    /** The repartition of use and watermarks to the findings step; topology tests write to it as upstream tasks. */
    public static final String USAGE_SIGNALS = "usage-signals";

    private RoleTrailTopology() {
    }

    public static Topology build(StreamsAppConfig config) {
        return build(config, Clock.systemUTC());
    }

    /** @param clock wall clock, used only to stamp dead letters and to reject event times from the future */
    public static Topology build(StreamsAppConfig config, Clock clock) {
        return build(config, clock, new EndOfInput());
    }

    /**
     * @param clock      wall clock, used only to stamp dead letters and to reject event times from the future
     * @param endOfInput once signalled, nothing waits for later traffic (lineage holds, the findings' last day)
     */
    public static Topology build(StreamsAppConfig config, Clock clock, EndOfInput endOfInput) {
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder, config);

        KStream<String, CloudTrailRecord> records = parse(builder, topics, config, clock)
                .processValues(() -> new DeduplicateProcessor(config.dedupGrace()), Named.as("drop-duplicates"),
                        StoreNames.SEEN_EVENT_IDS, StoreNames.RECORD_EXCLUSIONS);

        KStream<String, Observation> observations = lineage(builder, topics, config, endOfInput, records);

        KStream<String, Alert> alerts = detect(observations, config)
                .filter(new AlertPolicy(config.settings(), DetectorCatalog.ALL), Named.as("alert-policy"));

        KStream<String, Alert> suppressed = alerts
                .process(KeyBySuppression::new, Named.as("key-by-suppression"))
                .repartition(Repartitioned.<String, Alert>as(ALERTS_BY_ENTITY)
                        .withKeySerde(Serdes.String()).withValueSerde(StateSerde.of(Alert.class)))
                .process(() -> new SuppressionProcessor(config.suppressionWindow(), endOfInput),
                        Named.as("suppress-repeats"),
                        StoreNames.ALERT_SUPPRESSION, StoreNames.ALERT_SUPPRESSION_TIMERS);
        suppressed.to(topics.alerts().name(), produced(topics.alerts(), "alerts-sink"));

        KTable<String, Finding> findingTable = queryViews(builder, topics, suppressed);
        siem(topics, config.siemForward(), suppressed, findingTable, observations);
        findings(builder, topics, config, endOfInput, observations);
        identityInventory(builder, topics);
        return builder.build(config.streamsProperties()); // with its topology optimisation
    }

    /**
     * The identity inventory as the query API and the weekly report read it: a table over the compacted topic the
     * findings pass writes. Wired last, so it is the last sub-topology and the earlier ones keep their numbers (and
     * their tasks their ids and state directories). It holds the topic's bytes, decoded when a query reads them: each
     * active identity's view is written again every day its last use moves, and decoding then encoding every one for
     * the store cost more than the few queries do.
     */
    private static void identityInventory(StreamsBuilder builder, Topics topics) {
        builder.table(topics.identities().name(),
                Consumed.with(topics.identities().keySerde(), Serdes.ByteArray()).withName("identities"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(StoreNames.IDENTITIES)
                        .withKeySerde(topics.identities().keySerde()).withValueSerde(Serdes.ByteArray()));
    }

    /**
     * OCSF records for the SIEM topic, as configured: alerts as Detection Findings and findings (read back from the
     * findings topic) as IAM Analysis Findings; identity activity, with its lineage, as API Activity / Authentication.
     */
    private static void siem(Topics topics, SiemForward forward, KStream<String, Alert> alerts,
            KTable<String, Finding> findings, KStream<String, Observation> observations) {
        // One sink per branch, no merge: the findings table stays a sub-topology of its own, not tied to the
        // partitions of the suppression step.
        if (forward.findings()) {
            DetectionFindingMapper detection = new DetectionFindingMapper();
            alerts.map((id, alert) -> detection.map(alert).keyValue(), Named.as("alert-to-ocsf"))
                    .to(topics.siem().name(), produced(topics.siem(), "alerts-siem-sink"));
            IamAnalysisFindingMapper analysis = new IamAnalysisFindingMapper();
            findings.toStream(Named.as("finding-changes"))
                    .filter((id, finding) -> finding != null, Named.as("findings-not-deleted"))
                    .map((id, finding) -> analysis.map(finding).keyValue(), Named.as("finding-to-ocsf"))
                    .to(topics.siem().name(), produced(topics.siem(), "findings-siem-sink"));
        }
        if (forward.identityActivity()) {
            IdentityActivityMapper activity = new IdentityActivityMapper();
            observations.flatMap((principal, observation) -> activity.map(observation)
                            .map(event -> List.of(event.keyValue())).orElse(List.of()),
                            Named.as("identity-activity-to-ocsf"))
                    .to(topics.siem().name(), produced(topics.siem(), "identity-activity-siem-sink"));
        }
    }

    /** Raw records → parsed records; what cannot be parsed goes to the dead-letter topic. */
    private static KStream<String, CloudTrailRecord> parse(StreamsBuilder builder, Topics topics,
            StreamsAppConfig config, Clock clock) {
        Map<String, KStream<String, ParseOutcome>> parsed = builder.stream(topics.cloudtrail().name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray())
                                .withTimestampExtractor(new EventTimeExtractor())
                                .withName("cloudtrail-source"))
                .processValues(() -> new ParseCloudTrailProcessor(clock, config.maxFutureSkew()),
                        Named.as("parse-cloudtrail"), StoreNames.RECORD_EXCLUSIONS)
                .split(Named.as("parse-"))
                .branch((key, outcome) -> outcome.parsed(), Branched.as("ok"))
                .defaultBranch(Branched.as("rejected"));
        parsed.get("parse-rejected")
                .mapValues(ParseOutcome::deadLetter, Named.as("to-dead-letter"))
                .to(topics.deadletter().name(), produced(topics.deadletter(), "deadletter-sink"));
        return parsed.get("parse-ok").mapValues(ParseOutcome::record, Named.as("parsed-record"));
    }

    /**
     * Events and the sessions issued by earlier events meet in one processor. Sessions travel through
     * roletrail.sessions keyed by the principal they act as, so they reach the task that sees that principal's events;
     * the lineage step delivers those of its own partition's principals to itself at once and ignores their copy.
     */
    private static KStream<String, Observation> lineage(StreamsBuilder builder, Topics topics, StreamsAppConfig config,
            EndOfInput endOfInput, KStream<String, CloudTrailRecord> records) {
        KStream<String, LineageInput> sessions = builder.stream(topics.sessions().name(),
                        Consumed.with(topics.sessions().keySerde(), topics.sessions().valueSerde())
                                .withTimestampExtractor(new SessionTimestampExtractor())
                                .withName("sessions-source"))
                .mapValues(LineageInput::session, Named.as("session-input"));
        Map<String, KStream<String, LineageOutput>> lineage = records
                .mapValues(LineageInput::event, Named.as("event-input"))
                .merge(sessions, Named.as("events-and-sessions"))
                .process(() -> new LineageProcessor(config.lineageHold(), config.lineageHoldWall(),
                                config.lineageIdleRelease(), endOfInput, config.inputPartitions()),
                        Named.as("lineage"), StoreNames.SESSIONS, StoreNames.HELD_EVENTS, StoreNames.TIMERS)
                .split(Named.as("lineage-"))
                .branch((key, out) -> out.isObservation(), Branched.as("observation"))
                .defaultBranch(Branched.as("session"));
        lineage.get("lineage-session")
                .mapValues(LineageOutput::issued, Named.as("issued-session"))
                .to(topics.sessions().name(), produced(topics.sessions(), "sessions-sink"));
        return lineage.get("lineage-observation").mapValues(LineageOutput::observation, Named.as("observation"));
    }

    /**
     * Unused and dormant access. The inventory is a global store: it is keyed by ARN, policies and groups under their
     * own, while events are keyed by principal, and a role's findings need the policies it attaches wherever they
     * would be partitioned. Inventories are small (thousands of entities), so every instance keeps a full copy.
     * Usage reaches the findings step as signals, each at most once a day, keyed and partitioned by entity: each task
     * owns the findings of the entities whose use it receives, including inventory entities never seen in CloudTrail
     * that hash to it; watermarks from every upstream task reach every findings task and tell it when a day is
     * complete. As many partitions as the input (resolved at start), so the findings scale out with the rest.
     */
    private static void findings(StreamsBuilder builder, Topics topics, StreamsAppConfig config,
            EndOfInput endOfInput, KStream<String, Observation> observations) {
        InventoryChanges inventoryChanges = new InventoryChanges();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.INVENTORY),
                        Serdes.String(), topics.inventory().valueSerde()).withLoggingDisabled(),
                topics.inventory().name(),
                Consumed.with(topics.inventory().keySerde(), topics.inventory().valueSerde())
                        .withName("inventory"),
                () -> new InventoryStoreUpdater(inventoryChanges));
        UsageSignals signals = new UsageSignals(new CloudTrailActionMapper(), config.findings().accounts());
        FindingsEvaluator evaluator = new FindingsEvaluator(ActionCatalog.standard());
        KStream<String, PassOutput> evaluated = observations
                .process(() -> new UsageRecorder(signals, config.usageDedupeEntries(), config.lineageIdleRelease(),
                        endOfInput), Named.as("record-usage"), StoreNames.USAGE_LATEST)
                .repartition(Repartitioned.<String, UsageSignal>as(USAGE_SIGNALS)
                        .withNumberOfPartitions(config.findings().partitionsOrOne())
                        .withStreamPartitioner(new EntityPartitioner())
                        .withKeySerde(Serdes.String()).withValueSerde(UsageSignalCodec.serde()))
                .process(() -> new FindingsProcessor(evaluator, config.findings(), config.lineageHold(), endOfInput,
                        inventoryChanges),
                        Named.as("evaluate-findings"),
                        StoreNames.FINDINGS_USAGE, StoreNames.FINDINGS_ASSUMER_ACTIONS, StoreNames.FINDINGS_OPEN,
                        StoreNames.FINDINGS_IDENTITIES, StoreNames.FINDINGS_CLOCK, StoreNames.FINDINGS_PASS,
                        StoreNames.FINDINGS_PENDING);
        evaluated.filter((key, output) -> output.isFinding(), Named.as("findings-only"))
                .mapValues(PassOutput::finding, Named.as("finding-value"))
                .to(topics.findings().name(), produced(topics.findings(), "findings-sink"));
        evaluated.filter((key, output) -> !output.isFinding(), Named.as("identities-only"))
                .mapValues(PassOutput::identity, Named.as("identity-value"))
                .to(topics.identities().name(), produced(topics.identities(), "identities-sink"));
    }

    /**
     * Every detector branch; each reads the same observations and owns its own state. The stateless detectors are
     * the catalogue's; the stateful ones are wired here one branch per state, not in a loop over the catalogue: a
     * branch may call more than one detector (the dormancy detector is called by two), one detector's settings may
     * feed two branches keyed differently, and each branch's node and store names are pinned.
     */
    private static KStream<String, Alert> detect(KStream<String, Observation> observations, StreamsAppConfig config) {
        FirstTimeAssumptionDetector firstTime = FirstTimeAssumptionDetector.from(config.settings());
        DormantCredentialReactivatedDetector dormant = new DormantCredentialReactivatedDetector(
                new DetectorSettings(DormantCredentialReactivatedDetector.INFO.id(), config.settings()));
        Map<String, KStream<String, ActivityOutput>> principalActivity = observations.process(
                () -> new PrincipalActivityProcessor(firstTime, List.of(dormant), config.entityRetention()),
                Named.as("principal-activity"), StoreNames.PRINCIPAL_PROFILES, StoreNames.ACCESS_EDGES,
                StoreNames.TIMERS)
                .split(Named.as("principal-activity-"))
                .branch((key, out) -> out.isAlert(), Branched.as("alert"))
                .defaultBranch(Branched.as("assumer"));
        KStream<String, Alert> activity = principalActivity.get("principal-activity-alert")
                .mapValues(ActivityOutput::alert, Named.as("activity-alert"));
        // Keyed by role: the peers who vouch for a first assumption are principals of every partition.
        KStream<String, Alert> firstAssumptions = principalActivity.get("principal-activity-assumer")
                .mapValues(ActivityOutput::report, Named.as("assumer-report"))
                .repartition(Repartitioned.<String, AssumerReport>as("assumers-by-role")
                        .withKeySerde(Serdes.String()).withValueSerde(AssumerReportCodec.serde()))
                .process(() -> new RoleAssumersProcessor(firstTime), Named.as("first-time-assumption-peers"),
                        StoreNames.ROLE_ASSUMERS);
        NewNetworkForKeyDetector newNetwork = new NewNetworkForKeyDetector(
                new DetectorSettings(NewNetworkForKeyDetector.INFO.id(), config.settings()));
        KStream<String, Alert> keyUsage = observations.process(
                () -> new KeyUsageProcessor(List.of(dormant, newNetwork), newNetwork.maxNetworks(),
                        config.entityRetention()),
                Named.as("key-usage-detectors"), StoreNames.KEY_USAGE, StoreNames.TIMERS);
        AssumeRoleDeniedBurstDetector denialBurst = new AssumeRoleDeniedBurstDetector(
                new DetectorSettings(AssumeRoleDeniedBurstDetector.INFO.id(), config.settings()));
        KStream<String, Alert> attempts = observations.process(() -> new DenialBurstProcessor(denialBurst),
                Named.as("denial-burst-detector"), StoreNames.ASSUME_ATTEMPTS, StoreNames.TIMERS);
        AssumptionRateAnomalyDetector rateAnomaly = new AssumptionRateAnomalyDetector(
                new DetectorSettings(AssumptionRateAnomalyDetector.INFO.id(), config.settings()));
        KStream<String, Alert> rates = observations.process(
                () -> new AssumptionRateProcessor(rateAnomaly, config.entityRetention()),
                Named.as("assumption-rate-detector"), StoreNames.ASSUMPTION_RATES, StoreNames.TIMERS);
        KStream<String, Alert> stateless = observations.flatMapValues(DetectorCatalog.stateless(config.settings()),
                Named.as("stateless-detectors"));
        RoleChainDetector roleChain = new RoleChainDetector(
                new DetectorSettings(RoleChainDetector.INFO.id(), config.settings()));
        KStream<String, Alert> chains = observations.process(() -> new RoleChainProcessor(roleChain),
                Named.as("role-chain-detector"), StoreNames.CHAIN_PATHS, StoreNames.CHAIN_PENDING);
        DetectorSettings networkChange = new DetectorSettings(SessionCredentialNetworkChangeDetector.INFO.id(),
                config.settings());
        SessionCredentialNetworkChangeDetector sessionNetwork = new SessionCredentialNetworkChangeDetector(networkChange);
        KStream<String, Alert> sessionUse = observations.process(() -> new SessionUseProcessor(sessionNetwork),
                Named.as("session-use-detector"), StoreNames.SESSION_USE, StoreNames.ROLE_CLIENTS,
                StoreNames.TIMERS);
        CredentialNetworkSharingDetector sharing = new CredentialNetworkSharingDetector(networkChange);
        // Keyed by network: another principal's long-term key and an instance-role session meet only there.
        KStream<String, Alert> sharedNetworks = observations
                .flatMap((principal, observation) -> NetworkUse.of(observation)
                        .map(use -> List.of(KeyValue.pair(use.evidence().network(), use))).orElse(List.of()),
                        Named.as("key-by-network"))
                .repartition(Repartitioned.<String, NetworkUse>as("network-uses")
                        .withKeySerde(Serdes.String()).withValueSerde(NetworkUseCodec.serde()))
                .process(() -> new NetworkSharingProcessor(sharing, config.lineageHoldWall().multipliedBy(2)),
                        Named.as("network-sharing-detector"),
                        StoreNames.NETWORK_ACTIVITY, StoreNames.NETWORK_ACTIVITY_DUE);
        NewFederatedSubjectDetector federated = new NewFederatedSubjectDetector(
                new DetectorSettings(NewFederatedSubjectDetector.INFO.id(), config.settings()));
        // Keyed by role: a federated principal is the subject, but what is new is judged per role.
        KStream<String, Alert> federatedSubjects = observations
                .flatMap((principal, observation) -> FederatedAssumption.from(observation)
                        .map(assumption -> List.of(KeyValue.pair(assumption.role(), observation)))
                        .orElse(List.of()), Named.as("key-federated-by-role"))
                .repartition(Repartitioned.<String, Observation>as("federated-by-role")
                        .withKeySerde(Serdes.String()).withValueSerde(ObservationCodec.serde()))
                .process(() -> new FederatedSubjectProcessor(federated), Named.as("federated-subject-detector"),
                        StoreNames.ROLE_FEDERATION);
        return activity
                .merge(firstAssumptions, Named.as("with-first-assumption-alerts"))
                .merge(keyUsage, Named.as("with-key-usage-alerts"))
                .merge(attempts, Named.as("with-denial-burst-alerts"))
                .merge(rates, Named.as("with-assumption-rate-alerts"))
                .merge(chains, Named.as("with-role-chain-alerts"))
                .merge(sessionUse, Named.as("with-session-use-alerts"))
                .merge(sharedNetworks, Named.as("with-network-sharing-alerts"))
                .merge(federatedSubjects, Named.as("with-federated-subject-alerts"))
                .merge(stateless, Named.as("all-alerts"));
    }

    /**
     * What only the query API and the weekly report read: the alerts sent (bounded by event time), the current
     * findings, and the published reports (a global store: small, and every instance answers "latest" alone).
     */
    private static KTable<String, Finding> queryViews(StreamsBuilder builder, Topics topics,
            KStream<String, Alert> sent) {
        sent.process(RecentAlertsProcessor::new, Named.as("recent-alerts"), StoreNames.RECENT_ALERTS);
        // Uncached, so every evaluation (an open finding, then its resolution) also reaches the SIEM branch.
        KTable<String, Finding> findings = builder.table(topics.findings().name(),
                Consumed.with(topics.findings().keySerde(), topics.findings().valueSerde()).withName("findings"),
                Materialized.<String, Finding, KeyValueStore<Bytes, byte[]>>as(StoreNames.FINDINGS)
                        .withKeySerde(topics.findings().keySerde()).withValueSerde(topics.findings().valueSerde())
                        .withCachingDisabled());
        builder.globalTable(topics.reports().name(),
                Consumed.with(topics.reports().keySerde(), topics.reports().valueSerde()).withName("reports"),
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(StoreNames.REPORTS)
                        .withKeySerde(topics.reports().keySerde()).withValueSerde(topics.reports().valueSerde()));
        return findings;
    }

    private static void addStores(StreamsBuilder builder, StreamsAppConfig config) {
        Duration grace = config.dedupGrace();
        int entries = config.decodedCacheEntries();
        builder.addStateStore(cachedKeyValue(StoreNames.RECORD_EXCLUSIONS, Serdes.Long()));
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.SEEN_EVENT_IDS, grace.multipliedBy(2), Duration.ofMillis(1),
                        false),
                Serdes.String(), Serdes.Long()).withLoggingEnabled(APPEND_TIME));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.SESSIONS, SessionCodec.serde(), entries));
        // Weighed by the events a key holds, each a whole record; behind Kafka's cache, every append encoded the whole
        // list again. Compact: the list is still written again at each commit while its calls wait.
        builder.addStateStore(WriteBackStoreBuilder.weighed(StoreNames.HELD_EVENTS, HeldEventsCodec.serde(),
                entries, HeldEvents::weight));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.PRINCIPAL_PROFILES,
                PrincipalProfileCodec.serde(), entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.ACCESS_EDGES, AccessEdgeCodec.serde(),
                entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.KEY_USAGE, KeyUsageCodec.serde(), entries));
        builder.addStateStore(writeBack(StoreNames.ASSUME_ATTEMPTS, AssumeAttempts.class, entries));
        builder.addStateStore(writeBack(StoreNames.ASSUMPTION_RATES, AssumptionRate.class, entries));
        builder.addStateStore(writeBack(StoreNames.ALERT_SUPPRESSION, SuppressionState.class, entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.CHAIN_PATHS, Serdes.Long(), entries));
        builder.addStateStore(writeBack(StoreNames.CHAIN_PENDING, PendingChainPath.class, entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.SESSION_USE, SessionUseCodec.serde(),
                entries));
        builder.addStateStore(writeBack(StoreNames.ROLE_CLIENTS, RoleClients.class, entries));
        builder.addStateStore(writeBack(StoreNames.NETWORK_ACTIVITY, NetworkActivity.class, entries));
        builder.addStateStore(timers(StoreNames.NETWORK_ACTIVITY_DUE, entries));
        builder.addStateStore(writeBack(StoreNames.ROLE_FEDERATION, RoleFederation.class, entries));
        builder.addStateStore(writeBack(StoreNames.ROLE_ASSUMERS, RoleAssumers.class, entries));
        builder.addStateStore(timers(StoreNames.TIMERS, entries));
        builder.addStateStore(timers(StoreNames.ALERT_SUPPRESSION_TIMERS, entries));
        Duration alertsRetention = QueryConfig.from(config.settings()).alertsRetention();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.RECENT_ALERTS, alertsRetention, Duration.ofMillis(1), false),
                Serdes.String(), StateSerde.of(Alert.class)).withLoggingEnabled(APPEND_TIME));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.FINDINGS_USAGE, Serdes.Long(), entries));
        // Decoded and written back once a commit, like the rest, but weighed: a busy role's assumer holds hundreds of
        // actions. Behind Kafka's cache, every signal of a role session encoded its assumer's actions again.
        builder.addStateStore(WriteBackStoreBuilder.weighed(StoreNames.FINDINGS_ASSUMER_ACTIONS,
                StateSerde.of(AssumerActions.class), (long) entries * AssumerActions.WEIGHT_PER_CACHE_ENTRY,
                AssumerActions::weight));
        // Decoded only when read: a findings pass looks at most open findings by key alone.
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.FINDINGS_OPEN,
                Encoded.serde(StateSerde.of(Finding.class)), entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.FINDINGS_IDENTITIES,
                Encoded.serde(StateSerde.of(Identity.class)), entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.FINDINGS_CLOCK, Serdes.Long(), entries));
        builder.addStateStore(writeBack(StoreNames.FINDINGS_PASS, EvaluationPass.class, entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.FINDINGS_PENDING, UsageSignalCodec.serde(),
                entries));
        builder.addStateStore(WriteBackStoreBuilder.persistent(StoreNames.USAGE_LATEST, UsageSignalCodec.serde(),
                entries));
    }

    /** Decoded values in memory, each key written since the last commit reaching RocksDB and the changelog once. */
    private static <V> StoreBuilder<KeyValueStore<String, V>> writeBack(String name, Class<V> type, int entries) {
        return WriteBackStoreBuilder.persistent(name, StateSerde.of(type), entries);
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> cachedKeyValue(String name, Serde<V> valueSerde) {
        // Cached: repeated updates of one key between commits reach RocksDB and the changelog once.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde)
                .withCachingEnabled();
    }

    /** A {@code DueIndex} store: rows of keys by the minute they fall due, so punctuations read only what is due. */
    private static StoreBuilder<KeyValueStore<String, DueBucket>> timers(String name, int entries) {
        return WriteBackStoreBuilder.persistent(name, new DueBucketSerde(), entries);
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
