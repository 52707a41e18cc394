package dev.roletrail.streams.identity;

import dev.roletrail.schemas.cloudtrail.Principal;
import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.schemas.identity.Session;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link Observation}s in the compact form, for the {@code federated-by-role} repartition, which carries whole
 * observations: the record ({@link CloudTrailRecordCodec}), the principal, then the lineage with its session
 * ({@link SessionCodec}) when known. What is derived from the record is not carried, as before. The observation's
 * version is its session's: what an earlier version wrote into the repartition before an upgrade holds its session
 * in that version's form.
 */
public final class ObservationCodec implements CompactSerde.Codec<Observation> {

    private static final SessionCodec SESSIONS = new SessionCodec();
    private static final CompactSerde<Observation> SERDE = CompactSerde.of(Observation.class, new ObservationCodec());

    public static CompactSerde<Observation> serde() {
        return SERDE;
    }

    @Override
    public int version() {
        return SESSIONS.version();
    }

    @Override
    public void write(Observation observation, CompactWriter out) {
        CloudTrailRecordCodec.write(observation.event(), out);
        Principal principal = observation.principal();
        out.writeString(principal.id());
        out.writeString(principal.type() == null ? null : principal.type().name());
        out.writeString(principal.accountId());
        Lineage lineage = observation.lineage();
        out.writeString(lineage.origin());
        out.writeStrings(lineage.chain());
        out.writeString(lineage.sourceIdentity());
        out.writeBoolean(lineage.session() != null);
        if (lineage.session() != null) {
            SESSIONS.write(lineage.session(), out);
        }
    }

    @Override
    public Observation read(CompactReader in) {
        return read(in, version());
    }

    @Override
    public Observation read(CompactReader in, int version) {
        var event = CloudTrailRecordCodec.read(in);
        String id = in.readString();
        String type = in.readString();
        Principal principal = new Principal(id, type == null ? null : PrincipalType.valueOf(type), in.readString());
        String origin = in.readString();
        var chain = in.readStrings();
        String sourceIdentity = in.readString();
        Session session = in.readBoolean() ? SESSIONS.read(in, version) : null;
        return new Observation(event, principal, new Lineage(origin, chain, sourceIdentity, session));
    }
}
