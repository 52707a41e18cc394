package dev.roletrail.streams.profile;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import dev.roletrail.schemas.alert.Alert;
import dev.roletrail.streams.state.CompactReader;
import dev.roletrail.streams.state.CompactSerde;
import dev.roletrail.streams.state.CompactWriter;
import dev.roletrail.streams.state.StateSerde;

/**
 * {@link AssumerReport}s in the compact form, for the {@code assumers-by-role} repartition: one per new access edge,
 * and again per edge once a report interval has passed. Fields in declaration order; the candidate alert, rare, stays
 * CBOR inside.
 */
public final class AssumerReportCodec implements CompactSerde.Codec<AssumerReport> {

    private static final Serializer<Alert> ALERT_WRITER = StateSerde.of(Alert.class).serializer();
    private static final Deserializer<Alert> ALERT_READER = StateSerde.of(Alert.class).deserializer();
    private static final CompactSerde<AssumerReport> SERDE =
            CompactSerde.of(AssumerReport.class, new AssumerReportCodec());

    public static CompactSerde<AssumerReport> serde() {
        return SERDE;
    }

    @Override
    public void write(AssumerReport report, CompactWriter out) {
        out.writeString(report.role());
        out.writeString(report.assumer());
        out.writeString(report.peerGroup());
        out.writeInstant(report.at());
        out.writeBytes(report.candidate() == null ? null : ALERT_WRITER.serialize(null, report.candidate()));
        out.writeBoolean(report.peersMayExplain());
    }

    @Override
    public AssumerReport read(CompactReader in) {
        String role = in.readString();
        String assumer = in.readString();
        String peerGroup = in.readString();
        var at = in.readInstant();
        byte[] candidate = in.readBytes();
        return new AssumerReport(role, assumer, peerGroup, at,
                candidate == null ? null : ALERT_READER.deserialize(null, candidate), in.readBoolean());
    }
}
