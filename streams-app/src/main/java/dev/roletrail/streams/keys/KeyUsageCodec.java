package dev.roletrail.streams.keys;

import java.util.ArrayList;
import java.util.List;

import dev.roletrail.streams.keys.KeyUsage.KnownNetwork;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;

/**
 * {@link KeyUsage} in the compact form (store {@code key-usage}): every call signed with a long-term key writes its
 * usage. Fields in declaration order, each list as its size and then its entries; a new field goes at the end, under
 * a new {@code CompactSerde} version.
 */
public final class KeyUsageCodec implements CompactSerde.Codec<KeyUsage> {

    private static final CompactSerde<KeyUsage> SERDE = CompactSerde.of(KeyUsage.class, new KeyUsageCodec());

    public static CompactSerde<KeyUsage> serde() {
        return SERDE;
    }

    @Override
    public void write(KeyUsage usage, CompactWriter out) {
        out.writeString(usage.keyId());
        out.writeString(usage.owner());
        out.writeInstant(usage.firstUsed());
        out.writeInstant(usage.lastUsed());
        out.writeLong(usage.uses());
        out.writeVarint(usage.networks().size());
        for (KnownNetwork network : usage.networks()) {
            out.writeString(network.network());
            out.writeInstant(network.firstUsed());
            out.writeInstant(network.lastUsed());
        }
        out.writeStrings(usage.clients());
    }

    @Override
    public KeyUsage read(CompactReader in) {
        String keyId = in.readString();
        String owner = in.readString();
        var firstUsed = in.readInstant();
        var lastUsed = in.readInstant();
        long uses = in.readLong();
        int count = in.readVarint();
        List<KnownNetwork> networks = new ArrayList<>(Math.min(count, 64));
        for (int i = 0; i < count; i++) {
            networks.add(new KnownNetwork(in.readString(), in.readInstant(), in.readInstant()));
        }
        return new KeyUsage(keyId, owner, firstUsed, lastUsed, uses, networks, in.readStrings());
    }
}
