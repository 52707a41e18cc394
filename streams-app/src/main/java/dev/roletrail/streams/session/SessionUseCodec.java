package dev.roletrail.streams.session;

import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link SessionUse} in the compact form (store {@code session-use}): every call signed with a temporary key writes
 * its use. Fields in declaration order; a new field goes at the end, under a new {@code CompactSerde} version.
 */
public final class SessionUseCodec implements CompactSerde.Codec<SessionUse> {

    private static final CompactSerde<SessionUse> SERDE = CompactSerde.of(SessionUse.class, new SessionUseCodec());

    public static CompactSerde<SessionUse> serde() {
        return SERDE;
    }

    @Override
    public void write(SessionUse use, CompactWriter out) {
        out.writeString(use.keyId());
        out.writeString(use.firstNetwork());
        out.writeInstant(use.firstUsed());
        out.writeInstant(use.lastUsed());
    }

    @Override
    public SessionUse read(CompactReader in) {
        return new SessionUse(in.readString(), in.readString(), in.readInstant(), in.readInstant());
    }
}
