package dev.roletrail.streams.unused;

import dev.roletrail.streams.nhi.Trait;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link UsageSignal}s in the compact form: about one crosses the {@code usage-signals} repartition per input record,
 * and each waiting for its session is kept in {@code findings-pending}. Fields in declaration order; a new field goes
 * at the end, under a new {@code CompactSerde} version.
 */
public final class UsageSignalCodec implements CompactSerde.Codec<UsageSignal> {

    private static final CompactSerde<UsageSignal> SERDE = CompactSerde.of(UsageSignal.class, new UsageSignalCodec());

    public static CompactSerde<UsageSignal> serde() {
        return SERDE;
    }

    @Override
    public void write(UsageSignal signal, CompactWriter out) {
        out.writeString(signal.entity());
        out.writeInstant(signal.at());
        out.writeBoolean(signal.assumption());
        out.writeString(signal.action());
        out.writeString(signal.accessKeyId());
        out.writeString(signal.assumer());
        out.writeString(signal.origin());
        out.writeString(signal.network());
        out.writeString(signal.client());
        out.writeInstant(signal.observedSince());
        Trait trait = signal.trait();
        out.writeBoolean(trait != null);
        if (trait != null) {
            out.writeString(trait.credential());
            out.writeString(trait.client());
            out.writeString(trait.network());
            out.writeVarint(trait.span());
        }
        out.writeString(signal.reached());
        out.writeString(signal.creator());
    }

    @Override
    public UsageSignal read(CompactReader in) {
        String entity = in.readString();
        var at = in.readInstant();
        boolean assumption = in.readBoolean();
        String action = in.readString();
        String accessKeyId = in.readString();
        String assumer = in.readString();
        String origin = in.readString();
        String network = in.readString();
        String client = in.readString();
        var observedSince = in.readInstant();
        Trait trait = in.readBoolean()
                ? new Trait(in.readString(), in.readString(), in.readString(), in.readVarint())
                : null;
        return new UsageSignal(entity, at, assumption, action, accessKeyId, assumer, origin, network, client,
                observedSince, trait, in.readString(), in.readString());
    }
}
