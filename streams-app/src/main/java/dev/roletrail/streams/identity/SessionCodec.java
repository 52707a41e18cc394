package dev.roletrail.streams.identity;

import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link Session}s in the compact form (store {@code sessions}: every session issued, kept until an hour after it
 * expires, and read for every call signed with a temporary key). Fields in declaration order; a new field goes at the
 * end, under a new version. The topic {@code roletrail.sessions} keeps JSON, which people read.
 * <p>
 * Version 2 writes less of what a session repeats (this store is one of the largest a run leaves): the chain starts
 * with the origin and ends with the role the session acts as, so those two are a byte each in it; the issuing call is
 * one of five; the issuing event id is a UUID (16 bytes). On the real records' sessions that is 0.60 of version 1,
 * which wrote them all as strings and is still read.
 */
public final class SessionCodec implements CompactSerde.Codec<Session> {

    private static final CompactSerde<Session> SERDE = CompactSerde.of(Session.class, new SessionCodec());
    private static final int VERSION = 2;
    /** In a version 2 chain: a string follows, or the origin, or the principal the session acts as. */
    private static final int NAMED = 0;
    private static final int ORIGIN = 1;
    private static final int ACTING_AS = 2;
    /** The calls that issue sessions, by their number in version 2 (zero: the name follows). */
    private static final List<String> ISSUERS = List.of("AssumeRole", "AssumeRoleWithSAML",
            "AssumeRoleWithWebIdentity", "GetSessionToken", "GetFederationToken");

    public static CompactSerde<Session> serde() {
        return SERDE;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public void write(Session session, CompactWriter out) {
        out.writeString(session.keyId());
        out.writeString(session.actingAs());
        out.writeString(session.origin());
        out.writeVarint(session.chain().size());
        for (String hop : session.chain()) {
            if (hop.equals(session.origin())) {
                out.writeByte(ORIGIN);
            } else if (hop.equals(session.actingAs())) {
                out.writeByte(ACTING_AS);
            } else {
                out.writeByte(NAMED);
                out.writeString(hop);
            }
        }
        out.writeString(session.sourceIdentity());
        int issuer = ISSUERS.indexOf(session.issuedBy());
        out.writeVarint(issuer + 1);
        if (issuer < 0) {
            out.writeString(session.issuedBy());
        }
        out.writeString(session.sessionName());
        out.writeInstant(session.issuedAt());
        out.writeInstant(session.expiresAt());
        out.writeString(session.issuedFrom());
        out.writeId(session.issuingEventId());
    }

    @Override
    public Session read(CompactReader in) {
        return read(in, VERSION);
    }

    @Override
    public Session read(CompactReader in, int version) {
        if (version == 1) {
            return new Session(in.readString(), in.readString(), in.readString(), in.readStrings(), in.readString(),
                    in.readString(), in.readString(), in.readInstant(), in.readInstant(), in.readString(),
                    in.readString());
        }
        String keyId = in.readString();
        String actingAs = in.readString();
        String origin = in.readString();
        int hops = in.readVarint();
        List<String> chain = new ArrayList<>(Math.min(hops, 16));
        for (int i = 0; i < hops; i++) {
            chain.add(switch (in.readByte()) {
                case NAMED -> in.readString();
                case ORIGIN -> origin;
                case ACTING_AS -> actingAs;
                default -> throw new IllegalArgumentException("not a hop of a chain");
            });
        }
        String sourceIdentity = in.readString();
        int issuer = in.readVarint();
        if (issuer > ISSUERS.size()) {
            throw new IllegalArgumentException("not an issuing call: " + issuer);
        }
        String issuedBy = issuer == 0 ? in.readString() : ISSUERS.get(issuer - 1);
        return new Session(keyId, actingAs, origin, chain, sourceIdentity, issuedBy, in.readString(),
                in.readInstant(), in.readInstant(), in.readString(), in.readId());
    }
}
