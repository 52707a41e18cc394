package dev.roletrail.streams.identity;

import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link HeldEvents} in the compact form (store {@code held-events}): a key's held calls are written again at each
 * commit while they wait, each a whole CloudTrail record, and in CBOR every record repeated its field names. Fields:
 * release time, released flag, the count of events, then each event ({@link CloudTrailRecordCodec}).
 */
public final class HeldEventsCodec implements CompactSerde.Codec<HeldEvents> {

    private static final CompactSerde<HeldEvents> SERDE = CompactSerde.of(HeldEvents.class, new HeldEventsCodec());

    public static CompactSerde<HeldEvents> serde() {
        return SERDE;
    }

    @Override
    public void write(HeldEvents held, CompactWriter out) {
        out.writeInstant(held.releaseAt());
        out.writeBoolean(held.released());
        out.writeVarint(held.events().size());
        held.events().forEach(event -> CloudTrailRecordCodec.write(event, out));
    }

    @Override
    public HeldEvents read(CompactReader in) {
        var releaseAt = in.readInstant();
        boolean released = in.readBoolean();
        int count = in.readVarint();
        List<CloudTrailRecord> events = new ArrayList<>(Math.min(count, 256));
        for (int i = 0; i < count; i++) {
            events.add(CloudTrailRecordCodec.read(in));
        }
        return new HeldEvents(events, releaseAt, released);
    }
}
