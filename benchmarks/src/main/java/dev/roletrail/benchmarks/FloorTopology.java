package dev.roletrail.benchmarks;

import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.config.StreamsAppConfig;
import dev.roletrail.streams.dedup.DeduplicateProcessor;
import dev.roletrail.streams.parse.EventTimeExtractor;
import dev.roletrail.streams.parse.ParseCloudTrailProcessor;
import dev.roletrail.streams.parse.ParseOutcome;
import dev.roletrail.streams.state.StoreNames;

/**
 * The least any RoleTrail topology does per event, for the benchmark's floor figure: read the CloudTrail record with
 * its event time, parse it (the production parse step), drop duplicate eventIDs (the production dedup step and its
 * window store), and update one small value per principal in a cached, logged store. No lineage, detectors, alerts
 * or findings. What this reaches on a machine bounds what any design of the full app can reach there.
 */
final class FloorTopology {

    private static final String EVENTS_PER_PRINCIPAL = "floor-events-per-principal";

    private FloorTopology() {
    }

    static Topology build(StreamsAppConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        Duration grace = config.dedupGrace();
        builder.addStateStore(Stores.windowStoreBuilder(
                Stores.persistentWindowStore(StoreNames.SEEN_EVENT_IDS, grace.multipliedBy(2), Duration.ofMillis(1),
                        false),
                Serdes.String(), Serdes.Long()));
        // The parse and duplicate steps count what they drop, as in the app (rare: no cost on the common path).
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.RECORD_EXCLUSIONS),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(EVENTS_PER_PRINCIPAL),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.stream(config.topics().cloudtrail().name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
                        .withTimestampExtractor(new EventTimeExtractor()).withName("floor-source"))
                .processValues(() -> new ParseCloudTrailProcessor(Clock.systemUTC(), config.maxFutureSkew()),
                        Named.as("floor-parse"), StoreNames.RECORD_EXCLUSIONS)
                .filter((key, outcome) -> outcome.parsed(), Named.as("floor-parsed"))
                .mapValues(ParseOutcome::record, Named.as("floor-record"))
                .processValues(() -> new DeduplicateProcessor(grace), Named.as("floor-drop-duplicates"),
                        StoreNames.SEEN_EVENT_IDS, StoreNames.RECORD_EXCLUSIONS)
                .process(CountPerPrincipal::new, Named.as("floor-count"), EVENTS_PER_PRINCIPAL);
        return builder.build();
    }

    /** One read and one write of a small value per event, keyed by the record's principal. */
    private static final class CountPerPrincipal implements Processor<String, CloudTrailRecord, Void, Void> {

        private KeyValueStore<String, Long> counts;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            counts = context.getStateStore(EVENTS_PER_PRINCIPAL);
        }

        @Override
        public void process(Record<String, CloudTrailRecord> record) {
            Long before = counts.get(record.key());
            counts.put(record.key(), before == null ? 1 : before + 1);
        }
    }
}
