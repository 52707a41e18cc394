package dev.roletrail.streams.parse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecords;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords.Parsed;
import dev.roletrail.schemas.cloudtrail.CloudTrailRecords.Rejected;
import dev.roletrail.schemas.deadletter.DeadLetter;
import dev.roletrail.streams.state.StoreNames;

/**
 * Parses each raw CloudTrail record; what cannot be used becomes a dead letter naming its topic, partition and
 * offset. Input value: JSON bytes; output value: {@link ParseOutcome}.
 */
public final class ParseCloudTrailProcessor implements FixedKeyProcessor<String, byte[], ParseOutcome> {

    private final CloudTrailRecords records;
    private final Clock clock;
    private FixedKeyProcessorContext<String, ParseOutcome> context;
    private RecordExclusions exclusions;

    public ParseCloudTrailProcessor(Clock clock, Duration maxFutureSkew) {
        this.clock = clock;
        this.records = new CloudTrailRecords(clock, maxFutureSkew);
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParseOutcome> context) {
        this.context = context;
        this.exclusions = new RecordExclusions(context.getStateStore(StoreNames.RECORD_EXCLUSIONS));
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        CloudTrailRecords.Result result = records.parse(record.value());
        if (result instanceof Parsed parsed) {
            context.forward(record.withValue(new ParseOutcome(parsed.record(), null)));
            return;
        }
        String source = context.recordMetadata().map(ParseCloudTrailProcessor::describe).orElse("unknown");
        String payload = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
        DeadLetter letter = new DeadLetter(source, offset, "streams", ((Rejected) result).reason(), payload,
                clock.instant());
        exclusions.count(RecordExclusions.DEAD_LETTER);
        context.forward(record.withValue(new ParseOutcome(null, letter)));
    }

    private static String describe(RecordMetadata metadata) {
        return metadata.topic() + "/" + metadata.partition() + "/" + metadata.offset();
    }
}
