package dev.roletrail.streams.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.cloudtrail.PrincipalType;
import dev.roletrail.streams.profile.SeenValues.Seen;
import dev.roletrail.streams.state.StateSerde;

class ProfileCodecsTest {

    private static final Instant FIRST = Instant.parse("2026-08-01T08:00:00Z");
    private static final Instant LAST = Instant.parse("2026-09-14T17:30:05Z");
    private static final PrincipalProfile ROLE = new PrincipalProfile("arn:aws:iam::111122223333:role/WebServer",
            PrincipalType.ROLE, "111122223333", FIRST, LAST, 3_141,
            List.of(new Seen("aws-sdk-java", FIRST, LAST, 3_000), new Seen("aws-cli", FIRST, FIRST, 141)),
            List.of(new Seen("10.1.0.0/16", FIRST, LAST, 3_100), new Seen("ec2.amazonaws.com", LAST, LAST, 41)),
            List.of(new Seen("ASIAEXAMPLEKEY000001", LAST, LAST, 12)));
    private static final AccessEdge EDGE = new AccessEdge("arn:aws:iam::444455556666:user/alice",
            "arn:aws:iam::111122223333:role/Deploy", "AssumeRole", true, FIRST, LAST, 17);

    @Test
    void shouldKeepAProfileWholeAndAReducedOne() {
        for (PrincipalProfile profile : List.of(ROLE, ROLE.reduced(),
                new PrincipalProfile("unknown:-", null, null, FIRST, FIRST, 1))) {
            byte[] bytes = PrincipalProfileCodec.serde().serializer().serialize("t", profile);
            assertThat(PrincipalProfileCodec.serde().deserializer().deserialize("t", bytes)).isEqualTo(profile);
        }
    }

    @Test
    void shouldKeepAnEdgeWhole() {
        for (AccessEdge edge : List.of(EDGE, new AccessEdge("service:ec2.amazonaws.com",
                "arn:aws:iam::111122223333:role/WebServer", null, false, FIRST, FIRST, 1))) {
            byte[] bytes = AccessEdgeCodec.serde().serializer().serialize("t", edge);
            assertThat(AccessEdgeCodec.serde().deserializer().deserialize("t", bytes)).isEqualTo(edge);
        }
    }

    @Test
    void shouldStillReadWhatStateSerdeWroteBeforeAnUpgradeAndBeSmaller() {
        byte[] profileCbor = StateSerde.of(PrincipalProfile.class).serializer().serialize("t", ROLE);
        byte[] edgeCbor = StateSerde.of(AccessEdge.class).serializer().serialize("t", EDGE);

        assertThat(PrincipalProfileCodec.serde().deserializer().deserialize("t", profileCbor)).isEqualTo(ROLE);
        assertThat(AccessEdgeCodec.serde().deserializer().deserialize("t", edgeCbor)).isEqualTo(EDGE);
        assertThat(PrincipalProfileCodec.serde().serializer().serialize("t", ROLE)).hasSizeLessThan(profileCbor.length);
        assertThat(AccessEdgeCodec.serde().serializer().serialize("t", EDGE)).hasSizeLessThan(edgeCbor.length);
    }
}
