package dev.roletrail.streams.identity;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link Session}s in the compact form (store {@code sessions}: every session issued, kept until an hour after it
 * expires, and read for every call signed with a temporary key). Fields in declaration order; a new field goes at the
 * end, under a new {@code CompactSerde} version. The topic {@code roletrail.sessions} keeps JSON, which people read.
 */
public final class SessionCodec implements CompactSerde.Codec<Session> {

    private static final CompactSerde<Session> SERDE = CompactSerde.of(Session.class, new SessionCodec());

    public static CompactSerde<Session> serde() {
        return SERDE;
    }

    @Override
    public void write(Session session, CompactWriter out) {
        out.writeString(session.keyId());
        out.writeString(session.actingAs());
        out.writeString(session.origin());
        out.writeStrings(session.chain());
        out.writeString(session.sourceIdentity());
        out.writeString(session.issuedBy());
        out.writeString(session.sessionName());
        out.writeInstant(session.issuedAt());
        out.writeInstant(session.expiresAt());
        out.writeString(session.issuedFrom());
        out.writeString(session.issuingEventId());
    }

    @Override
    public Session read(CompactReader in) {
        return new Session(in.readString(), in.readString(), in.readString(), in.readStrings(), in.readString(),
                in.readString(), in.readString(), in.readInstant(), in.readInstant(), in.readString(),
                in.readString());
    }
}
