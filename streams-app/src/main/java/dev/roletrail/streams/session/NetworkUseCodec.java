package dev.roletrail.streams.session;

import dev.roletrail.streams.detect.EventEvidence;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link NetworkUse}s in the compact form: about 0.6 cross the {@code network-uses} repartition per input record.
 * Fields in declaration order, the evidence's first; a new field goes at the end, under a new {@code CompactSerde}
 * version.
 */
public final class NetworkUseCodec implements CompactSerde.Codec<NetworkUse> {

    private static final CompactSerde<NetworkUse> SERDE = CompactSerde.of(NetworkUse.class, new NetworkUseCodec());

    public static CompactSerde<NetworkUse> serde() {
        return SERDE;
    }

    @Override
    public void write(NetworkUse use, CompactWriter out) {
        EventEvidence evidence = use.evidence();
        out.writeString(evidence.eventId());
        out.writeInstant(evidence.eventTime());
        out.writeString(evidence.accountId());
        out.writeString(evidence.region());
        out.writeString(evidence.principal());
        out.writeString(evidence.origin());
        out.writeStrings(evidence.chain());
        out.writeString(evidence.accessKeyId());
        out.writeString(evidence.network());
        out.writeString(evidence.userAgent());
        out.writeString(use.workload());
    }

    @Override
    public NetworkUse read(CompactReader in) {
        EventEvidence evidence = new EventEvidence(in.readString(), in.readInstant(), in.readString(),
                in.readString(), in.readString(), in.readString(), in.readStrings(), in.readString(),
                in.readString(), in.readString());
        return new NetworkUse(evidence, in.readString());
    }
}
