package dev.roletrail.streams.parse;

import java.io.IOException;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.cloudtrail.EventTimeHeader;
import dev.roletrail.schemas.cloudtrail.EventTimes;

/**
 * Event time is CloudTrail's {@code eventTime}, never processing time: the {@link EventTimeHeader} ingest writes with
 * each record, else read from the JSON in any form {@link EventTimes} reads (the parse step binds the same forms),
 * from the top-level {@code eventTime} field only (nested objects are skipped, not parsed). A record without a
 * readable eventTime keeps the partition's current stream time: it will be dead-lettered by the parse step, and must
 * not move stream time anywhere.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Long written = EventTimeHeader.read(record.headers());
        if (written != null) {
            return written; // ingest's, read from the same record: nothing to parse
        }
        if (record.value() instanceof byte[] bytes) {
            Long time = eventTime(bytes);
            if (time != null) {
                return time;
            }
        }
        return partitionTime >= 0 ? partitionTime : Math.max(record.timestamp(), 0);
    }

    static Long eventTime(byte[] json) {
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("eventTime".equals(name) && value == JsonToken.VALUE_STRING) {
                    // CloudTrail's one form first, without the general ISO parser (a third of this extractor's time
                    // in a profile); then the forms exports write, as the parse step reads them.
                    return EventTimes.parse(parser.getText()).map(Instant::toEpochMilli).orElse(null);
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
