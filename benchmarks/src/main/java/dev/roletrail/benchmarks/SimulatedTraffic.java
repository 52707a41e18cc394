package dev.roletrail.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.Principals;
import dev.roletrail.schemas.cloudtrail.UserIdentity;
import dev.roletrail.simulator.SimulationSpec;
import dev.roletrail.simulator.Simulator;
import dev.roletrail.simulator.org.Organization;
import dev.roletrail.simulator.org.SimUser;
import dev.roletrail.simulator.output.DatasetSink;
import dev.roletrail.simulator.traffic.Caller;
import dev.roletrail.simulator.traffic.EventFactory;
import dev.roletrail.simulator.traffic.Identities;
import dev.roletrail.testkit.SyntheticTraffic.KeyedRecord;

/**
 * Streams-benchmark input from the simulator: every record of a simulated organisation's log objects, keyed by its
 * acting principal as ingest keys it, in event-time order; and single calls by many distinct simulated users.
 */
final class SimulatedTraffic {

    private SimulatedTraffic() {
    }

    /** Every record the simulation writes (benign traffic, late and duplicate deliveries, attacks), by event time. */
    static List<KeyedRecord> generate(SimulationSpec spec) throws IOException {
        RecordSink sink = new RecordSink();
        Simulator.run(spec, sink);
        sink.records.sort(Comparator.comparing(TimedRecord::time).thenComparing(r -> r.record().json()));
        return sink.records.stream().map(TimedRecord::record).toList();
    }

    /**
     * One ListBuckets call by each of the first {@code count} users of a simulated organisation of that size, each with
     * its own long-term key, a second apart; the organisation's users are derived one at a time, never held.
     */
    static List<KeyedRecord> distinctPrincipals(int count, long seed) {
        SimulationSpec spec = new SimulationSpec(seed, 3, count, SimulationSpec.MIN_DAYS, 1, SimulationSpec.DEFAULT_START);
        Organization org = Simulator.organization(spec);
        EventFactory events = new EventFactory(new SplittableRandom(seed));
        return IntStream.range(0, count).mapToObj(i -> {
            SimUser user = org.users().get(i);
            Caller caller = new Caller(Identities.iamUser(user), user.account(),
                    org.account(user.account()).homeRegion(), user.networks().get(0) + ".10", user.userAgent());
            return new KeyedRecord(user.arn(), events.call(caller, "s3.amazonaws.com", "ListBuckets",
                    spec.start().plusSeconds(i)).toString());
        }).toList();
    }

    private record TimedRecord(String time, KeyedRecord record) {
    }

    /** Keeps the records of every log object put, keyed as ingest keys them; ignores the inventory and labels. */
    private static final class RecordSink implements DatasetSink {

        private final List<TimedRecord> records = new ArrayList<>();

        @Override
        public void put(String key, byte[] bytes) throws IOException {
            if (!key.endsWith(".json.gz")) {
                return;
            }
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                for (JsonNode record : Json.mapper().readTree(in).path("Records")) {
                    UserIdentity identity = Json.mapper().treeToValue(record.get("userIdentity"), UserIdentity.class);
                    String principal = Principals.of(identity, record.path("recipientAccountId").asText(null)).id();
                    records.add(new TimedRecord(record.path("eventTime").asText(),
                            new KeyedRecord(principal, record.toString())));
                }
            }
        }
    }
}
