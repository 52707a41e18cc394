package dev.roletrail.streams.identity;

import java.util.Optional;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import dev.roletrail.schemas.identity.Session;

/**
 * What {@code roletrail.sessions} brings the lineage step: a session, or a lineage task's {@link LineageWatermark} (a
 * null value with its header). A null value that is not a well-formed watermark carries nothing and is skipped.
 */
public final class SessionsInput implements FixedKeyProcessor<String, Session, LineageInput> {

    private FixedKeyProcessorContext<String, LineageInput> context;

    @Override
    public void init(FixedKeyProcessorContext<String, LineageInput> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Session> record) {
        if (record.value() != null) {
            context.forward(record.withValue(LineageInput.session(record.value())));
            return;
        }
        Optional<LineageWatermark> watermark = LineageWatermark.read(record.key(), record.headers());
        watermark.ifPresent(mark -> context.forward(record.withValue(LineageInput.watermark(mark))));
    }
}
