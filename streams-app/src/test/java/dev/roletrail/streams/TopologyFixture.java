package dev.roletrail.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.config.Settings;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.schemas.finding.Finding;
import dev.roletrail.schemas.identity.Identity;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.siem.OcsfSchemas;
import dev.roletrail.streams.siem.SiemForward;
import dev.roletrail.streams.time.EndOfInput;
import dev.roletrail.streams.unused.UsageSignal;
import dev.roletrail.streams.unused.UsageSignalCodec;
import dev.roletrail.testkit.CloudTrailEvent;

/**
 * The production topology in a TopologyTestDriver, with CloudTrail, the inventory (and findings) in and alerts,
 * sessions, dead letters, findings and SIEM records out; one per test. SIEM forwarding defaults to findings and
 * identity activity here, so every topology test produces OCSF records; {@link #close()} validates each one not yet
 * read against the OCSF 1.8.0 schemas and fails the test on any invalid record.
 */
public final class TopologyFixture implements AutoCloseable {

    /** The wall clock the topology sees: after every event time the tests use. */
    public static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    private final Topics topics = Topics.defaults();
    /** The state directory this fixture made, deleted on close; null when the test named its own. */
    private final Path ownStateDir;
    private final EndOfInput endOfInput = new EndOfInput();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> cloudtrail;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, DeadLetter> deadLetters;
    private final TestOutputTopic<String, Session> sessions;
    private final TestInputTopic<String, Session> sessionsIn;
    private final boolean siemEnabled;
    private final TestOutputTopic<String, String> siem;
    private final TestInputTopic<String, Finding> findingsIn;
    private final TestInputTopic<String, InventoryEntity> inventory;
    private final TestOutputTopic<String, Finding> findings;
    private final TestOutputTopic<String, Identity> identities;
    private final TestInputTopic<String, UsageSignal> usageSignals;

    public TopologyFixture(Map<String, String> settings) {
        this(settings, NOW);
    }

    /** @param now the wall clock the topology sees; event times more than a day after it are absurd */
    public TopologyFixture(Map<String, String> settings, Instant now) {
        this(settings, now, 0);
    }

    /**
     * A topology told that its input has one partition, as the driver's has: the lineage step delivers every session
     * to itself. The other constructors leave the count unknown, as if sessions could come from other tasks.
     */
    public static TopologyFixture onePartition(Map<String, String> settings) {
        return new TopologyFixture(settings, NOW, 1);
    }

    private TopologyFixture(Map<String, String> settings, Instant now, int inputPartitions) {
        Map<String, String> values = new HashMap<>(settings);
        // The driver empties its state directory on close but leaves it: hundreds stayed behind per test run.
        ownStateDir = values.containsKey("streams.state.dir") ? null
                : Path.of(System.getProperty("java.io.tmpdir"), "roletrail-ttd-" + System.nanoTime());
        if (ownStateDir != null) {
            values.put("streams.state.dir", ownStateDir.toString());
        }
        values.putIfAbsent(SiemForward.SETTING, "findings,identity-activity");
        // The driver's wall clock stands still unless a test moves it: holds end by stream time alone here.
        values.putIfAbsent("streams.lineage-hold-wall", "0s");
        StreamsAppConfig config = StreamsAppConfig.from(Settings.of(values)).withInputPartitions(inputPartitions);
        Properties props = config.streamsProperties();
        driver = new TopologyTestDriver(RoleTrailTopology.build(config, Clock.fixed(now, ZoneOffset.UTC), endOfInput),
                props);
        cloudtrail = driver.createInputTopic(topics.cloudtrail().name(), topics.cloudtrail().keySerde().serializer(),
                topics.cloudtrail().valueSerde().serializer());
        alerts = driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadletter().name(),
                topics.deadletter().keySerde().deserializer(), topics.deadletter().valueSerde().deserializer());
        sessions = driver.createOutputTopic(topics.sessions().name(), topics.sessions().keySerde().deserializer(),
                topics.sessions().valueSerde().deserializer());
        sessionsIn = driver.createInputTopic(topics.sessions().name(), topics.sessions().keySerde().serializer(),
                topics.sessions().valueSerde().serializer());
        siemEnabled = config.siemForward().any();
        siem = driver.createOutputTopic(topics.siem().name(), topics.siem().keySerde().deserializer(),
                topics.siem().valueSerde().deserializer());
        findingsIn = driver.createInputTopic(topics.findings().name(), topics.findings().keySerde().serializer(),
                topics.findings().valueSerde().serializer());
        inventory = driver.createInputTopic(topics.inventory().name(), topics.inventory().keySerde().serializer(),
                topics.inventory().valueSerde().serializer());
        findings = driver.createOutputTopic(topics.findings().name(), topics.findings().keySerde().deserializer(),
                topics.findings().valueSerde().deserializer());
        identities = driver.createOutputTopic(topics.identities().name(),
                topics.identities().keySerde().deserializer(), topics.identities().valueSerde().deserializer());
        usageSignals = driver.createInputTopic(
                config.applicationId() + "-" + RoleTrailTopology.USAGE_SIGNALS + "-repartition",
                Serdes.String().serializer(), UsageSignalCodec.serde().serializer());
    }

    /**
     * Sends a usage signal (or a watermark) straight to the findings step, as an upstream task would through the
     * {@code usage-signals} repartition: with the driver's single upstream task, this is how a test plays several.
     */
    public void sendUsageSignal(UsageSignal signal) {
        usageSignals.pipeInput(signal.entity(), signal, signal.at());
    }

    /** Every identity view (key: its id; value null once gone) emitted since the last call. */
    public List<KeyValue<String, Identity>> identities() {
        return identities.readKeyValuesToList();
    }

    /** Sends a finding as the findings evaluation writes it (key: its id); null deletes it. */
    public void sendFinding(String id, Finding finding) {
        findingsIn.pipeInput(id, finding);
    }

    /** Every SIEM record (key metadata.uid, value OCSF JSON) since the last call, each checked to be valid OCSF. */
    public List<KeyValue<String, String>> siem() {
        if (!siemEnabled) {
            return List.of();
        }
        List<KeyValue<String, String>> records = siem.readKeyValuesToList();
        records.forEach(record -> {
            OcsfSchemas.assertValid(record.value);
            assertThat(record.key).as("key = metadata.uid").isEqualTo(OcsfSchemas.metadataUid(record.value));
        });
        return records;
    }

    /** Sends an inventory entity keyed as ingest keys it. */
    public void sendInventory(InventoryEntity entity) {
        inventory.pipeInput(entity.key(), entity);
    }

    /** Deletes an inventory entity, as a newer snapshot that no longer lists it does. */
    public void deleteInventory(String key) {
        inventory.pipeInput(key, null);
    }

    /** Every finding (open or resolved) emitted since the last call. */
    public List<Finding> findings() {
        return findings.readValuesToList();
    }

    /** Sends the event keyed as ingest keys it: by its acting principal. */
    public void send(CloudTrailEvent event) {
        sendJson(event.json());
    }

    public void sendJson(String recordJson) {
        send(TestObservations.of(recordJson).principal().id(), recordJson.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes under any key, as a producer other than ingest might. */
    public void send(String key, byte[] value) {
        cloudtrail.pipeInput(key, value);
    }

    /** A session on {@code roletrail.sessions}, as another task (or an earlier copy of this one) sends it. */
    public void sendSession(String key, Session session) {
        sessionsIn.pipeInput(key, session);
    }

    /** Every session the lineage step issued since the last call. */
    public List<Session> sessions() {
        return sessions.readValuesToList();
    }

    /** Every dead letter emitted since the last call. */
    public List<DeadLetter> deadLetters() {
        return deadLetters.readValuesToList();
    }

    /** Every alert emitted since the last call. */
    public List<Alert> alerts() {
        return alerts.readValuesToList();
    }

    /** The alerts of one detector emitted since the last call (alerts of other detectors are dropped). */
    public List<Alert> alerts(String detector) {
        return alerts().stream().filter(alert -> alert.detector().equals(detector)).toList();
    }

    /** Tells the topology, as {@code StreamsApp.endOfInput()} does, that no more input will come. */
    public void endOfInput() {
        endOfInput.signal();
    }

    /** As {@code StreamsApp.settled()}: nothing left that no record shows. */
    public boolean settled() {
        return endOfInput.settled();
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    /** Fails when any SIEM record the test did not read is not valid OCSF 1.8.0. */
    @Override
    public void close() {
        try {
            siem();
        } finally {
            driver.close();
            deleteOwnStateDir();
        }
    }

    private void deleteOwnStateDir() {
        if (ownStateDir == null) {
            return;
        }
        try {
            Utils.delete(ownStateDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
