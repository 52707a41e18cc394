package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.streams.StratusObservations;
import dev.roletrail.streams.state.StateSerde;
import dev.roletrail.testkit.CloudTrailEvent;
import dev.roletrail.testkit.CloudTrailSamples;

class HeldEventsCodecTest {

    private static final Instant RELEASE_AT = Instant.parse("2026-09-14T10:20:00Z");

    @Test
    void shouldKeepEveryRealRecordWhole() {
        List<CloudTrailRecord> records = realRecords();
        assertThat(records).hasSizeGreaterThan(100);

        for (CloudTrailRecord record : records) {
            HeldEvents held = HeldEvents.hold(record, RELEASE_AT);
            assertThat(roundTrip(held)).as(record.eventId()).isEqualTo(held);
        }
    }

    @Test
    void shouldKeepManyEventsTheirOrderAndTheReleasedMarker() {
        List<CloudTrailRecord> records = realRecords().subList(0, 50);
        HeldEvents held = new HeldEvents(records, RELEASE_AT, false);

        assertThat(roundTrip(held)).isEqualTo(held);
        assertThat(roundTrip(held.markReleased())).isEqualTo(new HeldEvents(List.of(), RELEASE_AT, true));
    }

    @Test
    void shouldKeepAbsentFieldsAbsentAndJsonNullsNull() {
        CloudTrailRecord sparse = parse("{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-09-14T10:00:00Z\","
                + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"ListBuckets\",\"eventID\":\"e-1\","
                + "\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"},"
                + "\"responseElements\":null,\"readOnly\":false}");
        HeldEvents held = HeldEvents.hold(sparse, RELEASE_AT);

        HeldEvents back = roundTrip(held);

        assertThat(back).isEqualTo(held);
        assertThat(back.events().get(0).responseElements()).isEqualTo(sparse.responseElements());
        assertThat(back.events().get(0).requestParameters()).isNull();
        assertThat(back.events().get(0).readOnly()).isFalse();
    }

    @Test
    void shouldBeSmallerThanCbor() {
        HeldEvents held = new HeldEvents(realRecords().subList(0, 50), RELEASE_AT, false);

        int compact = HeldEventsCodec.serde().serializer().serialize("t", held).length;
        int cbor = StateSerde.of(HeldEvents.class).serializer().serialize("t", held).length;

        // 0.80 on these records: their request parameters and response elements, CBOR in both forms, weigh most.
        assertThat(compact).isLessThan(cbor * 85 / 100);
    }

    @Test
    void shouldStillReadWhatStateSerdeWroteBeforeAnUpgrade() {
        HeldEvents held = new HeldEvents(realRecords().subList(0, 5), RELEASE_AT, false);
        byte[] cbor = StateSerde.of(HeldEvents.class).serializer().serialize("t", held);

        assertThat(HeldEventsCodec.serde().deserializer().deserialize("t", cbor)).isEqualTo(held);
    }

    @Test
    void shouldRefuseATruncatedValue() {
        HeldEvents held = HeldEvents.hold(realRecords().get(0), RELEASE_AT);
        byte[] bytes = HeldEventsCodec.serde().serializer().serialize("t", held);

        assertThatThrownBy(() -> HeldEventsCodec.serde().deserializer()
                .deserialize("t", Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(SerializationException.class);
    }

    private static HeldEvents roundTrip(HeldEvents held) {
        byte[] bytes = HeldEventsCodec.serde().serializer().serialize("t", held);
        return HeldEventsCodec.serde().deserializer().deserialize("t", bytes);
    }

    /** Stratus Red Team's detonations, the AWS documentation's examples and the test kit's session calls. */
    private static List<CloudTrailRecord> realRecords() {
        List<CloudTrailRecord> records = new ArrayList<>();
        for (String file : CloudTrailSamples.stratusFileNames()) {
            StratusObservations.of(file).forEach(observation -> records.add(observation.event()));
        }
        for (String docs : List.of(CloudTrailSamples.AWS_DOCS_IAM, CloudTrailSamples.AWS_DOCS_CLOUDTRAIL)) {
            CloudTrailSamples.awsDocsEvents(docs).stream()
                    .map(json -> CloudTrailRecords.withDefaults().parse(json.getBytes(StandardCharsets.UTF_8)))
                    .filter(CloudTrailRecords.Parsed.class::isInstance)
                    .forEach(parsed -> records.add(((CloudTrailRecords.Parsed) parsed).record()));
        }
        records.add(parse(CloudTrailEvent.byRoleSession("arn:aws:iam::111122223333:role/App", "alice")
                .withAccessKey("ASIAEXAMPLEHELD00001").call("s3.amazonaws.com", "GetObject").json()));
        return records;
    }

    private static CloudTrailRecord parse(String json) {
        var parsed = CloudTrailRecords.withDefaults().parse(json.getBytes(StandardCharsets.UTF_8));
        return ((CloudTrailRecords.Parsed) parsed).record();
    }
}
