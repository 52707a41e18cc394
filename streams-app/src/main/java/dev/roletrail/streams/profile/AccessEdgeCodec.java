package dev.roletrail.streams.profile;

import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link AccessEdge}s in the compact form (store {@code access-edges}): every role assumption writes its edge. Fields
 * in declaration order; a new field goes at the end, under a new {@code CompactSerde} version.
 */
public final class AccessEdgeCodec implements CompactSerde.Codec<AccessEdge> {

    private static final CompactSerde<AccessEdge> SERDE = CompactSerde.of(AccessEdge.class, new AccessEdgeCodec());

    public static CompactSerde<AccessEdge> serde() {
        return SERDE;
    }

    @Override
    public void write(AccessEdge edge, CompactWriter out) {
        out.writeString(edge.assumer());
        out.writeString(edge.role());
        out.writeString(edge.how());
        out.writeBoolean(edge.crossAccount());
        out.writeInstant(edge.firstUsed());
        out.writeInstant(edge.lastUsed());
        out.writeLong(edge.uses());
    }

    @Override
    public AccessEdge read(CompactReader in) {
        return new AccessEdge(in.readString(), in.readString(), in.readString(), in.readBoolean(), in.readInstant(),
                in.readInstant(), in.readLong());
    }
}
