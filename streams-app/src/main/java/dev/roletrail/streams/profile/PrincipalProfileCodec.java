package dev.roletrail.streams.profile;

import java.util.ArrayList;
import java.util.List;

import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.profile.SeenValues.Seen;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link PrincipalProfile}s in the compact form (store {@code principal-profiles}): every event writes its principal's
 * profile, so each commit writes back every principal active since the last one. Fields in declaration order, each
 * list as its size and then its entries; a new field goes at the end, under a new {@code CompactSerde} version.
 */
public final class PrincipalProfileCodec implements CompactSerde.Codec<PrincipalProfile> {

    private static final CompactSerde<PrincipalProfile> SERDE =
            CompactSerde.of(PrincipalProfile.class, new PrincipalProfileCodec());

    public static CompactSerde<PrincipalProfile> serde() {
        return SERDE;
    }

    @Override
    public void write(PrincipalProfile profile, CompactWriter out) {
        out.writeString(profile.principal());
        out.writeString(profile.type() == null ? null : profile.type().name());
        out.writeString(profile.account());
        out.writeInstant(profile.firstSeen());
        out.writeInstant(profile.lastSeen());
        out.writeLong(profile.events());
        writeSeen(profile.userAgents(), out);
        writeSeen(profile.networks(), out);
        writeSeen(profile.temporaryKeys(), out);
    }

    @Override
    public PrincipalProfile read(CompactReader in) {
        String principal = in.readString();
        String type = in.readString();
        return new PrincipalProfile(principal, type == null ? null : PrincipalType.valueOf(type), in.readString(),
                in.readInstant(), in.readInstant(), in.readLong(), readSeen(in), readSeen(in), readSeen(in));
    }

    private static void writeSeen(List<Seen> values, CompactWriter out) {
        out.writeVarint(values.size());
        for (Seen seen : values) {
            out.writeString(seen.value());
            out.writeInstant(seen.first());
            out.writeInstant(seen.last());
            out.writeLong(seen.count());
        }
    }

    private static List<Seen> readSeen(CompactReader in) {
        int count = in.readVarint();
        List<Seen> values = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            values.add(new Seen(in.readString(), in.readInstant(), in.readInstant(), in.readLong()));
        }
        return values;
    }
}
