package dev.roletrail.streams;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import dev.roletrail.schemas.JsonSerde;
import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.detect.FirstTimeAssumptionDetector;
import dev.roletrail.streams.identity.AccessEdge;
import dev.roletrail.streams.identity.IdentityProcessor;
import dev.roletrail.streams.identity.PrincipalProfile;
import dev.roletrail.streams.parse.EventTimeExtractor;
import dev.roletrail.streams.parse.ParseCloudTrailProcessor;
import dev.roletrail.streams.parse.ParseOutcome;

/**
 * The one place the topology is wired:
 * {@code roletrail.cloudtrail} (key principal, value CloudTrail JSON) → parse (bad records → {@code roletrail.deadletter})
 * → identity state and detectors → {@code roletrail.alerts} (key alert id, value {@link Alert} JSON).
 */
public final class RoleTrailTopology {

    private RoleTrailTopology() {
    }

    public static Topology build(StreamsAppConfig config) {
        return build(config, Clock.systemUTC());
    }

    /** @param clock wall clock, used only to stamp dead letters and to reject event times from the future */
    public static Topology build(StreamsAppConfig config, Clock clock) {
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        addStores(builder);

        KStream<String, byte[]> raw = builder.stream(topics.cloudtrail().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName("cloudtrail-source"));

        Map<String, KStream<String, ParseOutcome>> parsed = raw
                .processValues(() -> new ParseCloudTrailProcessor(clock, config.maxFutureSkew()),
                        Named.as("parse-cloudtrail"))
                .split(Named.as("parse-"))
                .branch((key, outcome) -> outcome.parsed(), Branched.as("ok"))
                .defaultBranch(Branched.as("rejected"));

        parsed.get("parse-rejected")
                .mapValues(ParseOutcome::deadLetter, Named.as("to-dead-letter"))
                .to(topics.deadletter().name(), produced(topics.deadletter(), "deadletter-sink"));

        KStream<String, CloudTrailRecord> records =
                parsed.get("parse-ok").mapValues(ParseOutcome::record, Named.as("parsed-record"));

        records.process(() -> new IdentityProcessor(new FirstTimeAssumptionDetector(config.learningPeriod())),
                        Named.as("identity-and-detectors"), StoreNames.PRINCIPAL_PROFILES, StoreNames.ACCESS_EDGES)
                .to(topics.alerts().name(), produced(topics.alerts(), "alerts-sink"));

        return builder.build();
    }

    private static void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.PRINCIPAL_PROFILES), Serdes.String(),
                JsonSerde.of(PrincipalProfile.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(StoreNames.ACCESS_EDGES), Serdes.String(),
                JsonSerde.of(AccessEdge.class)));
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
